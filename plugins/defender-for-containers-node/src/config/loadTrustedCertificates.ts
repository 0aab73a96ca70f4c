import { readFileSync } from 'node:fs';
import * as tls from 'node:tls';

const PEM_CERT =
  /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * The CA list to pass as `tlsOptions.ca` / undici `connect.ca` when `caFile` is set: Node's
 * default CAs (bundled + NODE_EXTRA_CA_CERTS) plus the file's. Setting `ca` replaces Node's
 * list instead of extending it, hence the merge. `undefined` when no extra CA is configured, so
 * clients keep Node's defaults untouched.
 * @public
 */
export function loadTrustedCertificates(options: {
  caFile?: string;
  caPem?: string;
}): string[] | undefined {
  let pem = options.caPem;
  if (options.caFile) {
    try {
      pem = readFileSync(options.caFile, 'utf8');
    } catch (e) {
      throw new Error(
        `Invalid config at 'defenderForContainers.caFile': cannot read ${
          options.caFile
        } (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      );
    }
  }
  if (pem === undefined) return undefined;
  const extra = pem.match(PEM_CERT);
  if (!extra) {
    throw new Error(
      `Invalid config at 'defenderForContainers.caFile': ${
        options.caFile ?? 'the given PEM'
      } contains no PEM certificate`,
    );
  }
  return [...tls.getCACertificates('default'), ...extra];
}
