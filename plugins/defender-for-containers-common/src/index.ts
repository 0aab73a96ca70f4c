/**
 * Annotations, helpers and shared types of the Defender for Containers plugins.
 *
 * @packageDocumentation
 */
export * from './annotations';
export * from './AzureTarget';
export * from './connectorEntity';
export * from './connectorOwnerRef';
export * from './connectorPortalUrl';
export * from './health';
export * from './findings';
export * from './rollup';
export * from './connectorList';
export * from './connectorSignal';
export * from './permissions';
export * from './preflightCheck';
export * from './readDefenderAnnotations';
export * from './tokenExpiry';
