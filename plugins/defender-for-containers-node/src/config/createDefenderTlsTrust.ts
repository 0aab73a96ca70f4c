import type { TlsSettings } from '@azure/core-rest-pipeline';
import * as tls from 'node:tls';
import { Agent } from 'undici';
import { loadTrustedCertificates } from './loadTrustedCertificates';

/**
 * What the clients trust when `defenderForContainers.caFile` is set, built once and shared.
 * @public
 */
export interface DefenderTlsTrust {
  /** Every certificate trusted: Node's default CAs, then the extra ones. */
  readonly certificates: readonly string[];
  /** `certificates`, parsed once; every connection of every client reuses it. */
  readonly secureContext: tls.SecureContext;
  /**
   * `tlsOptions` for the Azure SDK: the `SecurityCenter` client and the Entra credentials. Pass
   * this very object: the SDK keeps one keep-alive agent per `tlsOptions` object, so all of them
   * share one agent. Unlike an `agent` option it leaves the SDK's proxy handling and plain-HTTP
   * managed identity endpoints (IMDS) working.
   */
  readonly azureTlsOptions: TlsSettings;
  /** undici dispatcher (keep-alive) for the Docker Hub client's `fetch`. */
  readonly dispatcher: Agent;
  /** Closes the dispatcher's connections; at shutdown. */
  close(): Promise<void>;
}

/** The Azure SDK options for a client or credential given a trust or (deprecated) a CA list. */
export function azureTlsOptionsOf(options: {
  trust?: DefenderTlsTrust;
  ca?: string[];
}): { tlsOptions?: TlsSettings } {
  if (options.trust) return { tlsOptions: options.trust.azureTlsOptions };
  return options.ca ? { tlsOptions: { ca: options.ca } } : {};
}

/**
 * Builds the `DefenderTlsTrust` for `caFile` (or a PEM): reads and parses the certificates once.
 * `undefined` when no extra CA is configured: nothing is built and the clients keep Node's
 * defaults. Throws, naming `defenderForContainers.caFile`, when the file is unreadable or holds
 * no certificate.
 * @public
 */
export function createDefenderTlsTrust(options: {
  caFile?: string;
  caPem?: string;
}): DefenderTlsTrust | undefined {
  const certificates = loadTrustedCertificates(options);
  if (!certificates) return undefined;
  // Handing `ca` to the clients instead made every request join ~140 PEMs into the agent's key
  // and every new socket parse them again.
  const secureContext = tls.createSecureContext({ ca: certificates });
  // `secureContext` is not in the SDK's TlsSettings type, but the SDK spreads these settings
  // into the `https.Agent` options it creates, which do take it (createDefenderTlsTrust.test.ts
  // checks that a request through the credential and the client still trusts the extra CA).
  const azureTlsOptions = Object.freeze({ secureContext }) as TlsSettings;
  const dispatcher = new Agent({ connect: { secureContext } });
  return {
    certificates: Object.freeze(certificates),
    secureContext,
    azureTlsOptions,
    dispatcher,
    close: () => dispatcher.close(),
  };
}
