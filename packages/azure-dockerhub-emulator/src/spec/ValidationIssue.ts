import type { ErrorObject } from 'ajv';

/** @public */
export interface ValidationIssue {
  location: 'path' | 'query' | 'body' | 'response';
  /** Dotted path of the offending value, e.g. `properties.environmentData.scanInterval`. */
  name: string;
  message: string;
}

/**
 * ajv's errors as issues: one per value and message, without the noise of the if/then dispatch
 * that stands for Swagger polymorphism. The location is the first path segment (the validated
 * data is `{ path, query, body }`) unless `forced`.
 */
export function toIssues(
  errors: ErrorObject[],
  forced?: ValidationIssue['location'],
): ValidationIssue[] {
  const meaningful = errors.filter(
    e => e.keyword !== 'if' && !(e.keyword === 'anyOf' && errors.length > 1),
  );
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const error of meaningful.length ? meaningful : errors) {
    const segments = error.instancePath
      .split('/')
      .filter(Boolean)
      .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const location =
      forced ?? (segments.shift() as ValidationIssue['location']);
    if (error.keyword === 'required') {
      segments.push(String(error.params.missingProperty));
    }
    if (error.keyword === 'additionalProperties') {
      segments.push(String(error.params.additionalProperty));
    }
    let message = error.message ?? 'is invalid';
    if (error.keyword === 'enum') {
      message = `must be one of: ${(
        error.params.allowedValues as unknown[]
      ).join(', ')}`;
    }
    if (error.keyword === 'required') message = 'is required';
    const name = segments.join('.');
    const dedupe = `${location}|${name}|${message}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    issues.push({ location, name, message });
  }
  return issues;
}
