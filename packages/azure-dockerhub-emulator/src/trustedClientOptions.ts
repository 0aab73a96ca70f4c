import tls from 'node:tls';

/**
 * TLS options for an Azure SDK pipeline or credential (`tlsOptions` of core-rest-pipeline) that
 * trust the emulator *in addition to* what Node trusts by default. Passing `ca` to Node replaces
 * its default store, so the emulator certificate is appended to the default CAs — which in Node 22
 * (`tls.getCACertificates('default')`) include the bundled roots and `NODE_EXTRA_CA_CERTS`
 * (plus the system store when Node runs with `--use-system-ca`).
 * @public
 */
export function trustedCaList(emulatorCaPem: string): string[] {
  const getCACertificates = (
    tls as unknown as {
      getCACertificates?: (
        type?: 'default' | 'bundled' | 'system' | 'extra',
      ) => string[];
    }
  ).getCACertificates;
  const defaults = getCACertificates
    ? getCACertificates('default')
    : [...tls.rootCertificates];
  return [...defaults, emulatorCaPem];
}

/** @public */
export function trustedClientOptions(emu: { caPem: string }): {
  tlsOptions: { ca: string[] };
} {
  return { tlsOptions: { ca: trustedCaList(emu.caPem) } };
}
