import {
  ClientSecretCredential,
  CredentialUnavailableError,
  DefaultAzureCredential,
  ManagedIdentityCredential,
  WorkloadIdentityCredential,
} from '@azure/identity';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DefenderForContainersConfig } from '../config/DefenderForContainersConfig';
import {
  createAzureCredential,
  isCustomAuthorityHost,
} from './createAzureCredential';

const TENANT = '00000000-0000-0000-0000-0000000000aa';
const CLIENT = '00000000-0000-0000-0000-0000000000b1';
const azure = (
  credential: DefenderForContainersConfig['azure']['credential'],
): DefenderForContainersConfig['azure'] => ({
  armEndpoint: 'https://management.azure.com',
  authorityHost: 'https://login.microsoftonline.com',
  credential,
  subscriptions: [],
});

describe('createAzureCredential', () => {
  // Workload identity reads the token file Kubernetes projects into the pod.
  const savedTokenFile = process.env.AZURE_FEDERATED_TOKEN_FILE;
  let tokenDir: string;
  beforeEach(() => {
    tokenDir = mkdtempSync(join(tmpdir(), 'wi-'));
    process.env.AZURE_FEDERATED_TOKEN_FILE = join(tokenDir, 'token');
    writeFileSync(process.env.AZURE_FEDERATED_TOKEN_FILE, 'header.payload.sig');
  });
  afterEach(() => {
    rmSync(tokenDir, { recursive: true, force: true });
    if (savedTokenFile === undefined)
      delete process.env.AZURE_FEDERATED_TOKEN_FILE;
    else process.env.AZURE_FEDERATED_TOKEN_FILE = savedTokenFile;
  });

  it.each([
    [
      'clientSecret',
      {
        type: 'clientSecret' as const,
        tenantId: TENANT,
        clientId: CLIENT,
        clientSecret: 's',
      },
      ClientSecretCredential,
    ],
    [
      'workloadIdentity',
      {
        type: 'workloadIdentity' as const,
        tenantId: TENANT,
        clientId: CLIENT,
      },
      WorkloadIdentityCredential,
    ],
    [
      'managedIdentity (user-assigned)',
      { type: 'managedIdentity' as const, clientId: CLIENT },
      ManagedIdentityCredential,
    ],
    [
      'managedIdentity (system-assigned)',
      { type: 'managedIdentity' as const },
      ManagedIdentityCredential,
    ],
    ['default', { type: 'default' as const }, DefaultAzureCredential],
  ])('builds the %s credential', (_type, credential, expected) => {
    expect(createAzureCredential(azure(credential))).toBeInstanceOf(expected);
  });

  it('workload identity without a federated token file fails when it is built (at startup), naming what is missing', () => {
    delete process.env.AZURE_FEDERATED_TOKEN_FILE;
    expect(() =>
      createAzureCredential(
        azure({ type: 'workloadIdentity', tenantId: TENANT, clientId: CLIENT }),
      ),
    ).toThrow(CredentialUnavailableError);
    expect(() =>
      createAzureCredential(
        azure({ type: 'workloadIdentity', tenantId: TENANT, clientId: CLIENT }),
      ),
    ).toThrow('AZURE_FEDERATED_TOKEN_FILE');
  });
});

describe('isCustomAuthorityHost', () => {
  it('keeps instance discovery for the public clouds only', () => {
    expect(isCustomAuthorityHost('https://login.microsoftonline.com')).toBe(
      false,
    );
    expect(isCustomAuthorityHost('https://login.microsoftonline.us/')).toBe(
      false,
    );
    expect(isCustomAuthorityHost('https://login.chinacloudapi.cn')).toBe(false);
    expect(isCustomAuthorityHost('https://127.0.0.1:8443')).toBe(true);
  });
});
