import { ConflictError } from '@backstage/errors';
import {
  ArmError,
  type DefenderArmClient,
  type SecurityConnector,
} from '@defender-backstage/plugin-defender-for-containers-node';
import { parseOnboardingInput } from '../input/parseOnboardingInput';
import { writeFailure } from './writeFailure';

const SUB = '00000000-0000-0000-0000-000000000001';
const OTHER_SUB = '00000000-0000-0000-0000-000000000002';
const subscriptions = [
  { id: SUB, displayName: 'A', resourceGroups: [], defaults: {} },
  { id: OTHER_SUB, displayName: 'B', resourceGroups: [], defaults: {} },
];
const input = parseOnboardingInput(
  {
    organization: 'acme',
    username: 'mdcuser',
    accessToken: 'dckr_pat_writeFailureTestToken0000001',
    subscriptionId: SUB,
    resourceGroup: 'rg',
    location: 'westeurope',
  },
  subscriptions,
);
const elsewhere: SecurityConnector = {
  id: `/subscriptions/${OTHER_SUB}/resourceGroups/rg2/providers/Microsoft.Security/securityConnectors/acme-2`,
  name: 'acme-2',
  properties: { hierarchyIdentifier: 'acme', environmentName: 'DockerHub' },
};
const conflict = new ArmError({
  operation: 'PUT securityConnectors/dockerhub-acme',
  status: 409,
  code: 'Conflict',
  armMessage: 'The Docker Hub organization is already onboarded.',
  requestId: 'req-9',
});

describe('writeFailure', () => {
  it("looks up the organization's other connector when a 409 does not name it", async () => {
    const arm = {
      listSecurityConnectors: jest.fn(async (sub: string) =>
        sub === OTHER_SUB ? [elsewhere] : [],
      ),
    } as unknown as DefenderArmClient;
    const e = await writeFailure(arm, subscriptions, input, conflict);
    expect(e).toBeInstanceOf(ConflictError);
    expect(e.message).toContain(
      `Docker Hub organization acme is already connected by another connector: ${elsewhere.id}`,
    );
    expect(e.message).toContain('x-ms-request-id req-9');
  });

  it('does not look anything up for other failures', async () => {
    const arm = {
      listSecurityConnectors: jest.fn(),
    } as unknown as DefenderArmClient;
    await writeFailure(
      arm,
      subscriptions,
      input,
      new ArmError({ operation: 'PUT', status: 503 }),
    );
    expect(arm.listSecurityConnectors).not.toHaveBeenCalled();
  });
});
