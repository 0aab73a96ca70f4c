import { armResourceRules } from './armResourceRules';
import { dockerHubConnectorRules } from './dockerHubConnectorRules';

/**
 * Rules Microsoft states in prose (REST reference text, product documentation, the ARM resource
 * provider contract) that the OpenAPI specs do not encode. Each check returns the ARM error to
 * answer with, or undefined. Where Azure's error for a rule is undocumented, the check refuses
 * anyway (the stricter behaviour) with a code of ours; the README's "Rules from Microsoft's prose
 * documentation" lists every rule, its error and its public source.
 */
export const proseRules = {
  ...armResourceRules,
  ...dockerHubConnectorRules,
};
