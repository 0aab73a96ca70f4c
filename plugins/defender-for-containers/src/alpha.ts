/**
 * The plugin for Backstage's new frontend system, where the community convention puts it
 * (`@…/plugin-defender-for-containers/alpha`); the package's default export is the same object,
 * so an app that discovers both entry points installs it once.
 *
 * @packageDocumentation
 */
export { default } from './index';
