import { randomBytes } from 'node:crypto';
import { FaultInjector } from '../faults/FaultInjector';
import { Scenario } from '../scenario/scenarioSchema';
import { SpecRegistry } from '../spec/SpecRegistry';
import { createState, EmulatorState } from '../state/EmulatorState';
import { JwtClaims } from '../util/jwt';
import { SeededRandom } from '../util/SeededRandom';

/** Everything a route handler may touch. */
export interface EmulatorCore {
  specs: SpecRegistry;
  state: EmulatorState;
  /** The emulator clock (ms since epoch): the caller's `now` plus `advanceTime` offsets. */
  now(): number;
  random: SeededRandom;
  faults: FaultInjector;
  /** Signing keys, one per issuer, fresh for every run. */
  entraKey: Buffer;
  hubKey: Buffer;
  registryKey: Buffer;
  url: string;
  nextEtag(): string;
  /** Verified bearer tokens, so the hot path does not re-hash them. */
  verifiedTokens: Map<string, JwtClaims>;
  rateWindows: Map<string, { window: number; used: number }>;
  /** Check every answer against its route's schema before it leaves (the `validateResponses` option). */
  validateResponses: boolean;
}

export interface CoreOptions {
  specs: SpecRegistry;
  scenario: Scenario;
  seed: number;
  now: () => number;
  /** Overrides the `echoAccessToken` of every scenario loaded. */
  echoAccessToken?: boolean;
  validateResponses?: boolean;
}

export function createCore(options: CoreOptions): EmulatorCore & {
  advance(ms: number): void;
  load(scenario: Scenario): void;
} {
  let offset = 0;
  const random = new SeededRandom(options.seed);
  const etagRandom = new SeededRandom(options.seed ^ 0x5a5a5a5a);
  const nextEtag = () => {
    const h = etagRandom.hex(20);
    return `"${h.slice(0, 8)}-0000-0${h.slice(8, 11)}-0000-${h.slice(
      11,
      20,
    )}000"`;
  };
  const core = {
    specs: options.specs,
    state: undefined as unknown as EmulatorState,
    now: () => options.now() + offset,
    random,
    faults: new FaultInjector(options.seed),
    entraKey: randomBytes(32),
    hubKey: randomBytes(32),
    registryKey: randomBytes(32),
    url: '',
    nextEtag,
    verifiedTokens: new Map<string, JwtClaims>(),
    rateWindows: new Map(),
    validateResponses: options.validateResponses ?? false,
    advance(ms: number) {
      if (!(ms >= 0))
        throw new Error('advanceTime needs a non-negative number of ms');
      offset += ms;
    },
    load(scenario: Scenario) {
      if (scenario.startTime) {
        offset = Date.parse(scenario.startTime) - options.now();
      }
      core.state = createState(scenario, core.now(), nextEtag);
      if (options.echoAccessToken !== undefined)
        core.state.echoAccessToken = options.echoAccessToken;
      core.verifiedTokens.clear();
      core.rateWindows.clear();
    },
  };
  core.load(options.scenario);
  return core;
}
