/**
 * A copy of a request body with the value at a dotted path (array indexes as numbers) replaced.
 * `undefined` leaves the property out of the JSON sent, so one helper both breaks and removes
 * properties in tables of bodies that each violate one rule.
 */
export function withProperty<T>(body: T, path: string, value: unknown): T {
  const copy = structuredClone(body);
  const keys = path.split('.');
  const last = keys.pop()!;
  let parent: any = copy;
  for (const key of keys) parent = parent[key];
  parent[last] = value;
  return copy;
}
