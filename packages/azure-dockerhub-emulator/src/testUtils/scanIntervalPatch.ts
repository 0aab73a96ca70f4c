/** A PATCH of a Docker Hub connector that changes its scan interval only. */
export function scanIntervalPatch(hours: number) {
  return {
    properties: {
      environmentData: {
        environmentType: 'DockerHubOrganization',
        scanInterval: hours,
      },
    },
  };
}
