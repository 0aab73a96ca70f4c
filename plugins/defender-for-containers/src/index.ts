export { defenderForContainersPlugin as default } from './plugin';
export * from './api/DefenderApi';
export * from './api/DefenderClient';
