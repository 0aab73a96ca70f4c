import plugin from './index';

describe('defender-for-containers frontend plugin', () => {
  it('is the default export under the shared plugin.pluginId', () => {
    expect(plugin.pluginId).toBe('defender-for-containers');
  });
});
