import { createMockDirectory } from '@backstage/backend-test-utils';
import type { ScenarioInput } from '@defender-backstage/azure-dockerhub-emulator';
import {
  registerDefenderTestEmulatorHooks,
  type DefenderTestEmulator,
} from '@defender-backstage/plugin-defender-for-containers-node/testUtils';
import { ALLOWED_SUBSCRIPTIONS, healthScenario } from './healthTestWorld';

/** The emulator with the real clients, and its CA on disk for a backend's `caFile`. */
export interface HealthEmulator extends DefenderTestEmulator {
  caFile: string;
}

/**
 * The one way the suites get the emulator: the node package's hooks (started before the file's
 * tests, its faults cleared and `scenario` reloaded before each, stopped after them) in the
 * health world by default, PROD and TEAM allowed. Its CA goes to a file too, because a plugin
 * started in a test backend reads it from config. Read its fields in tests and hooks: they are
 * filled in when the suite starts.
 */
export function useHealthEmulator(
  options: { scenario?: ScenarioInput; seed?: number } = {},
): HealthEmulator {
  const emulator = registerDefenderTestEmulatorHooks({
    scenario: options.scenario ?? healthScenario,
    seed: options.seed,
    subscriptions: ALLOWED_SUBSCRIPTIONS,
  }) as HealthEmulator;
  const dir = createMockDirectory();
  beforeAll(() => {
    dir.addContent({ 'ca.pem': emulator.emu.caPem });
    emulator.caFile = dir.resolve('ca.pem');
  });
  return emulator;
}
