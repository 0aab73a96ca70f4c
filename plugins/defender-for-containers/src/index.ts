export { defenderForContainersPlugin as default } from './plugin';
