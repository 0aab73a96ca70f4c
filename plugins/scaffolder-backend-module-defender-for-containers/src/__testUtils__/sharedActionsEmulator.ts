import type { PermissionsService } from '@backstage/backend-plugin-api';
import { scenario } from './scenario';
import {
  startActionsEmulator,
  type ActionsEmulator,
} from './startActionsEmulator';

/**
 * One actions emulator shared by the tests of the enclosing `describe`: started before the first
 * (`startActionsEmulator(options)`), stopped after the last. Before each test it drops injected
 * faults, loads `scenario()` afresh and empties `changed`, so every test starts from the same
 * world and sees only its own writes and announcements.
 *
 * The returned object is filled in by `beforeAll`: use it in hooks and tests, not in the
 * `describe` body itself. A suite's own `beforeAll`/`beforeEach` registered after this call run
 * after these.
 */
export function sharedActionsEmulator(
  options: {
    permissions?: PermissionsService;
    servicePrincipals?: readonly string[];
  } = {},
): ActionsEmulator {
  const t = {} as ActionsEmulator;
  beforeAll(async () => {
    Object.assign(t, await startActionsEmulator(options));
  });
  afterAll(() => t.emu.stop());
  beforeEach(() => {
    t.emu.clearFaults();
    t.emu.loadScenario(scenario());
    t.changed.length = 0;
  });
  return t;
}
