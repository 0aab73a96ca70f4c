/*
 * Fault suite of the actions: onboarding, token rotation and offboarding against the emulator
 * while it injects a seeded sequence of faults (429 with and without Retry-After, 409, 503, 504,
 * connection resets, latency spikes, stale etags) into the routes each operation calls. For
 * every case:
 *   - the run either succeeds or fails with a clear message (no stack frame, no token, says what
 *     failed) — and a success is a real one (a rotation that reports success stored the token);
 *   - Azure never holds a partial or a duplicate connector for the organization;
 *   - running again without the fault converges to the wanted state.
 * Prints the faults injected and the outcomes. Reproduce a failure with FAULT_SEED=<seed>.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import type {
  Emulator,
  ScenarioInput,
} from '@defender-backstage/azure-dockerhub-emulator';
import {
  ACME_INPUT,
  RG,
  SUB,
  TOKENS,
  scenario,
} from '../__testUtils__/scenario';
import {
  runAction,
  startActionsEmulator,
} from '../__testUtils__/startActionsEmulator';
import {
  FAULT_NAMES,
  FAULT_SEED,
  STACK_FRAME,
  Tally,
  faultSpec,
  seededRandom,
  type FaultName,
} from '@defender-backstage/plugin-defender-for-containers-node/testUtils';

jest.setTimeout(600_000);

type Operation = 'onboard' | 'rotate' | 'offboard';
const CASES_PER_OPERATION = Number(process.env.FAULT_CASES ?? 14);

/** The routes each operation calls, by the emulator's route names. */
const ROUTES: Record<Operation, string[]> = {
  onboard: [
    'PUT securityConnectors',
    'GET securityConnectors',
    'entraToken',
    'hubAuthToken',
    'repositories',
    'registryToken',
    'pricings',
    'providers',
    'permissions',
  ],
  rotate: [
    'PUT securityConnectors',
    'GET securityConnectors',
    'entraToken',
    'hubAuthToken',
    'repositories',
    'registryToken',
    'permissions',
  ],
  offboard: [
    'DELETE securityConnectors',
    'GET securityConnectors',
    'entraToken',
  ],
};
/** A stale etag only means something where the action writes conditionally. */
const WRITE_ROUTE: Record<Operation, string> = {
  onboard: 'PUT securityConnectors',
  rotate: 'PUT securityConnectors',
  offboard: 'DELETE securityConnectors',
};

/** Rotation and offboarding start from acme's connector holding a revoked token. */
function world(operation: Operation): ScenarioInput {
  const s = scenario();
  if (operation !== 'onboard') {
    s.azure.connectors = [
      ...(s.azure.connectors ?? []),
      {
        subscriptionId: SUB,
        resourceGroup: RG,
        name: 'dockerhub-acme',
        organization: 'acme',
        username: 'mdcuser',
        token: TOKENS.revoked,
        scanInterval: 12,
        location: 'westeurope',
      },
    ];
  }
  return s;
}

const INPUT: Record<Operation, Record<string, unknown>> = {
  onboard: { ...ACME_INPUT, location: 'westeurope', scanIntervalHours: 6 },
  // Only what a rotation states: the connector keeps its own settings.
  rotate: ACME_INPUT,
  offboard: { organization: 'acme', confirmation: 'acme' },
};

interface Case {
  index: number;
  operation: Operation;
  fault: FaultName;
  route: string;
  times: number | undefined;
  latencyMs: number;
}

function plan(seed: number): Case[] {
  const random = seededRandom(seed);
  const cases: Case[] = [];
  for (const operation of ['onboard', 'rotate', 'offboard'] as Operation[]) {
    for (let i = 0; i < CASES_PER_OPERATION; i++) {
      // Every fault kind at least once per operation, then drawn.
      const fault =
        i < FAULT_NAMES.length ? FAULT_NAMES[i] : random.pick(FAULT_NAMES);
      const route =
        fault === 'staleEtag'
          ? WRITE_ROUTE[operation]
          : random.pick(ROUTES[operation]);
      // Once (a retry gets through), twice, or until removed (retries exhausted).
      const times = random.pick([1, 2, undefined] as const);
      cases.push({
        index: cases.length,
        operation,
        fault,
        route,
        times,
        latencyMs: random.int(300, 1500),
      });
    }
  }
  return cases;
}

describe(`actions under injected faults (FAULT_SEED=${FAULT_SEED})`, () => {
  let emu: Emulator;
  const injected = new Tally();
  const outcomes = new Tally();
  const violations: string[] = [];

  beforeAll(async () => {
    ({ emu } = await startActionsEmulator({ seed: FAULT_SEED }));
  });
  afterAll(async () => {
    await emu?.stop();
    // eslint-disable-next-line no-console
    console.log(
      [
        `action fault suite, FAULT_SEED=${FAULT_SEED}: ${
          CASES_PER_OPERATION * 3
        } runs under faults, ${injected.total} faults injected`,
        'faults injected (by kind):',
        injected.format(),
        'outcomes:',
        outcomes.format(),
        `invariant violations: ${violations.length}`,
        ...violations.map(v => `  ${v}`),
      ].join('\n'),
    );
  });

  const acmeConnectors = () =>
    emu
      .state()
      .connectors.filter(
        (c: any) =>
          c.properties?.environmentName === 'DockerHub' &&
          c.properties?.hierarchyIdentifier === 'acme',
      ) as any[];

  it.each(plan(FAULT_SEED).map(c => [c.index, c.operation, c.fault, c]))(
    '#%i %s with %s',
    async (_i, _op, _fault, c: Case) => {
      const label = `#${c.index} ${c.operation} ${c.fault} on ${c.route} x${
        c.times ?? '∞'
      }`;
      emu.clearFaults();
      emu.loadScenario(world(c.operation));
      const before = acmeConnectors()[0];
      // Fresh clients each case, as after a backend restart: the Entra sign-in is on the path too.
      const t = await startActionsEmulator({ emulator: emu });
      const action = c.operation === 'offboard' ? t.offboard : t.onboard;
      const logStart = emu.state().requestLog.length;
      emu.injectFault(faultSpec(c.fault, c.route, c.times, c.latencyMs));
      const r = await runAction(action, INPUT[c.operation], {
        credentials: mockCredentials.user(),
      });
      const hits = emu
        .state()
        .requestLog.slice(logStart)
        .filter(e => e.faults?.length);
      hits.forEach(() => injected.add(c.fault));
      emu.clearFaults();

      const problems: string[] = [];
      const logText = r.logs
        .map(l => `${l.message} ${l.meta ? JSON.stringify(l.meta) : ''}`)
        .join('\n');
      for (const secret of [TOKENS.read, TOKENS.revoked]) {
        if (logText.includes(secret)) problems.push('token in the task log');
        if (JSON.stringify(r.outputs).includes(secret))
          problems.push('token in the outputs');
      }
      if (STACK_FRAME.test(logText)) problems.push('stack frame in task log');

      const after = acmeConnectors();
      if (after.length > 1) problems.push(`${after.length} acme connectors`);
      const wanted = {
        username: 'mdcuser',
        scanInterval: c.operation === 'onboard' ? 6 : 12,
      };
      const complete = (x: any) =>
        x.credential?.username === wanted.username &&
        x.properties?.environmentData?.scanInterval === wanted.scanInterval &&
        x.properties?.environmentData?.authentication?.authenticationType ===
          'AccessToken';
      const tokenStoredNow = (x: any) =>
        x &&
        (!before || x.credential?.updatedAt !== before.credential?.updatedAt);

      if (r.error) {
        const message: string = r.error.message ?? '';
        if (!message || message.length > 3000)
          problems.push(`unclear error (${message.length} chars)`);
        if (STACK_FRAME.test(message)) problems.push('stack frame in error');
        if (message.includes(TOKENS.read)) problems.push('token in error');
        if (/\[object Object\]|undefined|null/.test(message))
          problems.push(`error reads badly: ${message.slice(0, 200)}`);
        outcomes.add(`${c.operation}: failed with a clear message`);
      } else {
        outcomes.add(
          `${c.operation}: succeeded despite the fault${
            hits.length ? '' : ' (fault never hit)'
          }`,
        );
        if (c.operation === 'offboard') {
          if (after.length) problems.push('offboard succeeded, connector left');
        } else {
          if (after.length !== 1 || !complete(after[0]))
            problems.push('success without the complete connector');
          // A rotation (or onboarding) that says it worked stored this run's token.
          if (!tokenStoredNow(after[0]))
            problems.push('success reported, but the token was not stored');
        }
      }
      // Never partial: whatever exists is a whole connector (or the untouched original).
      for (const x of after) {
        if (c.operation === 'offboard' || (r.error && before)) {
          if (x.etag !== before?.etag && !complete(x))
            problems.push('connector changed into a partial one');
        } else if (!complete(x)) {
          problems.push('partial connector');
        }
      }

      // Re-run without the fault: converges. After a 429/5xx from Entra, MSAL answers every
      // sign-in of that credential from its throttling cache for about a minute, so the message
      // says to run again in a minute; a new credential stands for that minute having passed.
      const entraThrottled =
        c.route === 'entraToken' &&
        hits.length > 0 &&
        /^(429|503|504)/.test(c.fault);
      if (entraThrottled && r.error && !/in a minute/.test(r.error.message))
        problems.push('Entra failure does not say to run again in a minute');
      const rerun = entraThrottled
        ? await startActionsEmulator({ emulator: emu })
        : t;
      const again = await runAction(
        c.operation === 'offboard' ? rerun.offboard : rerun.onboard,
        INPUT[c.operation],
        {
          credentials: mockCredentials.user(),
        },
      );
      const final = acmeConnectors();
      if (again.error) {
        problems.push(`re-run failed: ${again.error.message.slice(0, 300)}`);
      } else if (c.operation === 'offboard') {
        if (final.length) problems.push('re-run left the connector');
      } else if (
        final.length !== 1 ||
        !complete(final[0]) ||
        !tokenStoredNow(final[0])
      ) {
        problems.push('re-run did not converge to one complete connector');
      }
      outcomes.add(
        again.error ? 'did not converge on re-run' : 're-run converged',
      );
      if (problems.length) violations.push(`${label}: ${problems.join('; ')}`);
      expect({ case: label, problems }).toEqual({ case: label, problems: [] });
    },
  );
});
