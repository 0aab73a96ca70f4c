/**
 * The ARM error a violated prose rule answers with (see proseRules.ts): each check returns one,
 * or undefined.
 */
export interface ProseViolation {
  status: number;
  code: string;
  message: string;
  target?: string;
}

/** The first violation of the checks, run in order (later checks may assume earlier ones held). */
export function firstViolation(
  ...checks: Array<() => ProseViolation | undefined>
): ProseViolation | undefined {
  for (const check of checks) {
    const violation = check();
    if (violation) return violation;
  }
  return undefined;
}
