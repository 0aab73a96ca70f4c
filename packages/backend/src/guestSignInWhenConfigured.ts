import {
  coreServices,
  createBackendFeatureLoader,
} from '@backstage/backend-plugin-api';
import guestProvider from '@backstage/plugin-auth-backend-module-guest-provider';

/**
 * The guest sign-in provider, installed only while `auth.providers.guest` is configured.
 * app-config.production.yaml sets it to null, so production has no guest sign-in whatever
 * NODE_ENV the backend runs with (`yarn start` runs it as development, where the provider itself
 * would let guests in).
 */
export const guestSignInWhenConfigured = createBackendFeatureLoader({
  deps: { config: coreServices.rootConfig },
  *loader({ config }) {
    if (config.has('auth.providers.guest')) {
      yield guestProvider;
    }
  },
});
