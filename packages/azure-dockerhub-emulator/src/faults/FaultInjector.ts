import { SeededRandom } from '../util/SeededRandom';

/** @public */
export type FaultKind =
  | 'latency'
  | 'status'
  | 'reset'
  | 'staleEtag'
  | 'slowBody'
  | 'redirect';

/** @public */
export const FAULT_STATUSES = [403, 404, 409, 429, 500, 502, 503, 504] as const;
/** @public */
export type FaultStatus = (typeof FAULT_STATUSES)[number];

/** @public */
export interface FaultSpec {
  /**
   * Which requests: `'PUT securityConnectors'` (method + route name), `'healthReports'` (route
   * name, any method), `'POST /v2/auth/token'` (method + exact path), or a regular expression
   * tested against `'<METHOD> <path>'` (string or RegExp).
   */
  route: string | RegExp;
  kind: FaultKind;
  /**
   * For kind `status`. 403 stands for a refusal the scenario's built-in roles cannot express (a
   * deny assignment, a custom role without the action): ARM answers it as `AuthorizationFailed`.
   * 404: the resource vanished (a concurrent delete, a replica that has not seen it yet). 409 on
   * an ARM write: a lock on the resource group (`ScopeLocked`). 502/504: the gateway in front
   * of the service gave up on it.
   */
  status?: FaultStatus;
  /** For kind `status`: adds `Retry-After: <seconds>`. */
  retryAfterSeconds?: number;
  /**
   * For kind `status` on ARM: the error message quotes the request body, as ARM's
   * `InvalidRequestContent` errors quote what they could not read. Undocumented for these APIs
   * [inferred], so the stricter case: a client must never show such a message as it came.
   */
  quoteRequestBody?: boolean;
  /** For kinds `latency` and `slowBody` (default 1000). */
  latencyMs?: number;
  /**
   * For kind `redirect`: a `307` to this URL (default another origin,
   * `https://redirected.invalid` + the request's path), as a proxy, a moved endpoint or an
   * attacker in the path could answer. A client must not follow it with its credentials.
   */
  location?: string;
  /** How many matching requests it applies to; default: forever. */
  times?: number;
  /** Chance (0..1) that a matching request is affected, drawn from the seeded generator. */
  probability?: number;
}

interface ActiveFault {
  spec: FaultSpec;
  matches: (method: string, path: string, names: string[]) => boolean;
  remaining: number;
  random: SeededRandom;
}

const NAME = /^[A-Za-z_][\w-]*$/;
const METHOD = /^([A-Za-z]+|\*)$/;
const REGEX_META = /[\\^$*+?()[\]{}|]/;

function compileRoute(route: string | RegExp): ActiveFault['matches'] {
  if (route instanceof RegExp) return (m, p) => route.test(`${m} ${p}`);
  const trimmed = route.trim();
  if (NAME.test(trimmed)) {
    const name = trimmed.toLowerCase();
    return (_m, _p, names) => names.includes(name);
  }
  const space = trimmed.indexOf(' ');
  const method = trimmed.slice(0, space).toUpperCase();
  const rest = trimmed.slice(space + 1).trim();
  if (space > 0 && METHOD.test(method)) {
    const methodOk = (m: string) => method === '*' || m === method;
    if (NAME.test(rest)) {
      const name = rest.toLowerCase();
      return (m, _p, names) => methodOk(m) && names.includes(name);
    }
    if (rest.startsWith('/') && !REGEX_META.test(rest)) {
      const literal = rest.toLowerCase();
      return (m, p) => methodOk(m) && p.toLowerCase() === literal;
    }
  }
  const regex = new RegExp(trimmed);
  return (m, p) => regex.test(`${m} ${p}`);
}

/** Per-route faults; each one draws from its own generator so adding one never shifts another. */
export class FaultInjector {
  private faults: ActiveFault[] = [];
  private created = 0;

  constructor(private readonly seed: number) {}

  add(spec: FaultSpec): () => void {
    if (
      spec.kind === 'status' &&
      !(FAULT_STATUSES as readonly number[]).includes(spec.status ?? 0)
    ) {
      throw new Error(
        `A status fault needs one of the statuses ${FAULT_STATUSES.join(', ')}`,
      );
    }
    this.created += 1;
    const fault: ActiveFault = {
      spec,
      matches: compileRoute(spec.route),
      remaining: spec.times ?? Infinity,
      random: new SeededRandom(this.seed + this.created * 0x9e3779b1),
    };
    this.faults.push(fault);
    return () => {
      this.faults = this.faults.filter(f => f !== fault);
    };
  }

  clear() {
    this.faults = [];
  }

  /** The faults that apply to this request, consuming their `times`. */
  take(method: string, path: string, routeNames: string[]): FaultSpec[] {
    if (this.faults.length === 0) return [];
    const names = routeNames.map(n => n.toLowerCase());
    const hits: FaultSpec[] = [];
    for (const fault of [...this.faults]) {
      if (fault.remaining <= 0 || !fault.matches(method, path, names)) continue;
      if (
        fault.spec.probability !== undefined &&
        fault.random.next() >= fault.spec.probability
      ) {
        continue;
      }
      fault.remaining -= 1;
      if (fault.remaining <= 0)
        this.faults = this.faults.filter(f => f !== fault);
      hits.push(fault.spec);
    }
    return hits;
  }
}
