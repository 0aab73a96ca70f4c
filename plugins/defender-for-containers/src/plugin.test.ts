import { defenderForContainersPlugin } from './plugin';

describe('defender-for-containers', () => {
  it('should export plugin', () => {
    expect(defenderForContainersPlugin).toBeDefined();
  });
});
