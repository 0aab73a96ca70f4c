import { readFileSync } from 'node:fs';
import * as tls from 'node:tls';

const PEM_CERT =
  /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * Node's default CA store. `tls.getCACertificates` (Node ≥ 22.15) includes NODE_EXTRA_CA_CERTS
 * and, with `--use-system-ca`, the system store; the engines range (`22`) also admits older 22.x,
 * where only the bundled roots (`tls.rootCertificates`) can be listed: public endpoints stay
 * trusted there, but certificates from NODE_EXTRA_CA_CERTS are not carried into the merge.
 */
export function defaultCaCertificates(): readonly string[] {
  return typeof tls.getCACertificates === 'function'
    ? tls.getCACertificates('default')
    : tls.rootCertificates;
}

/**
 * The CA list to pass as `ca` when `caFile` is set: Node's default CAs (bundled +
 * NODE_EXTRA_CA_CERTS) plus the file's. Setting `ca` replaces Node's list instead of extending
 * it, hence the merge. `undefined` when no extra CA is configured, so clients keep Node's
 * defaults untouched. The list is ~140 PEMs: parse it once (`createDefenderTlsTrust`) rather
 * than handing it to every client, which re-parses it for each new connection.
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
  return [...defaultCaCertificates(), ...extra];
}
