import plugin from './index';

describe('defender-for-containers frontend plugin', () => {
  it('is the default export under the shared plugin id', () => {
    expect(plugin.id).toBe('defender-for-containers');
  });
});
