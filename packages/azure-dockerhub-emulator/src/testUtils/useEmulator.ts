import type { ScenarioInput } from '../scenario/scenarioSchema';
import {
  startEmulator,
  type Emulator,
  type StartEmulatorOptions,
} from '../startEmulator';
import { TestClient } from './TestClient';

/**
 * The emulator of a suite and its TestClient: started before the suite's tests, stopped after
 * them. Both handles exist while Jest collects the suite, so helpers defined next to them can
 * close over them; they reach the emulator once it has started, i.e. in hooks and tests.
 *
 * With `reloadBeforeEach`, every test starts from that scenario and with no ARM token cached
 * from an earlier one, so no test depends on what another wrote.
 */
export function useEmulator(
  options: StartEmulatorOptions = {},
  { reloadBeforeEach }: { reloadBeforeEach?: string | ScenarioInput } = {},
): { emu: Emulator; client: TestClient } {
  let started: Emulator | undefined;
  const current = () => {
    if (!started) {
      throw new Error(
        'useEmulator: the emulator starts in beforeAll; use it in hooks and tests',
      );
    }
    return started;
  };
  const emu: Emulator = {
    get url() {
      return current().url;
    },
    get urls() {
      return current().urls;
    },
    get caPem() {
      return current().caPem;
    },
    get port() {
      return current().port;
    },
    state: () => current().state(),
    injectFault: spec => current().injectFault(spec),
    clearFaults: () => current().clearFaults(),
    loadScenario: scenario => current().loadScenario(scenario),
    advanceTime: ms => current().advanceTime(ms),
    stop: () => current().stop(),
  };
  const client = new TestClient(emu);

  beforeAll(async () => {
    started = await startEmulator(options);
  });
  if (reloadBeforeEach !== undefined) {
    beforeEach(() => {
      emu.loadScenario(reloadBeforeEach);
      client.forgetTokens();
    });
  }
  afterAll(async () => {
    client.close();
    await started?.stop();
  });
  return { emu, client };
}
