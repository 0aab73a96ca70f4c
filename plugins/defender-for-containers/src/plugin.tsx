import { createFrontendPlugin } from '@backstage/frontend-plugin-api';

/**
 * The Defender for Containers frontend plugin. Its entity card arrives with the health issue;
 * until then it only registers the plugin id so apps can install and configure it.
 *
 * @public
 */
export const defenderForContainersPlugin = createFrontendPlugin({
  pluginId: 'defender-for-containers',
  info: { packageJson: () => import('../package.json') },
  extensions: [],
});
