import { ResponseError } from '@backstage/errors';

/** What the card says about a failed request: the backend's own words, never a stack. */
export interface DescribedError {
  status?: number;
  /** The backend's message (`{ error: { message } }`), or the error's own. */
  message: string;
}

export function describeError(error: unknown): DescribedError {
  if (ResponseError.is(error)) {
    return {
      status: error.statusCode,
      message: error.cause?.message || error.message,
    };
  }
  if (error instanceof Error) return { message: error.message };
  return { message: String(error) };
}
