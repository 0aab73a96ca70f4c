import { createMockDirectory } from '@backstage/backend-test-utils';
import * as tls from 'node:tls';
import { loadTrustedCertificates } from './loadTrustedCertificates';

const PEM = `-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n`;

describe('loadTrustedCertificates', () => {
  const dir = createMockDirectory();

  it('keeps Node defaults when no extra CA is configured', () => {
    expect(loadTrustedCertificates({})).toBeUndefined();
  });

  it("adds the file's certificates to Node's default list", () => {
    dir.setContent({ 'ca.pem': PEM });
    const ca = loadTrustedCertificates({ caFile: dir.resolve('ca.pem') })!;
    expect(ca.length).toBe(tls.getCACertificates('default').length + 1);
    expect(ca[ca.length - 1]).toBe(PEM.trim());
  });

  it('names the key when the file is missing or holds no certificate', () => {
    expect(() =>
      loadTrustedCertificates({ caFile: dir.resolve('missing.pem') }),
    ).toThrow("'defenderForContainers.caFile'");
    dir.setContent({ 'empty.pem': 'nothing here' });
    expect(() =>
      loadTrustedCertificates({ caFile: dir.resolve('empty.pem') }),
    ).toThrow('contains no PEM certificate');
  });
});
