import { ResponseError } from '@backstage/errors';
import { describeError } from './describeError';

describe('describeError', () => {
  it('reads the status and the backend’s message from a ResponseError', async () => {
    const response = new Response(
      JSON.stringify({
        error: {
          name: 'ServiceUnavailableError',
          message: 'Set defenderForContainers.azure.subscriptions',
          stack: 'ServiceUnavailableError: at secret/place.ts:1',
        },
        response: { statusCode: 503 },
      }),
      { status: 503, headers: { 'content-type': 'application/json' } },
    );
    const described = describeError(await ResponseError.fromResponse(response));
    expect(described).toEqual({
      status: 503,
      message: 'Set defenderForContainers.azure.subscriptions',
    });
  });

  it('uses the message of any other error, and stringifies the rest', () => {
    expect(describeError(new Error('offline'))).toEqual({ message: 'offline' });
    expect(describeError('odd')).toEqual({ message: 'odd' });
  });
});
