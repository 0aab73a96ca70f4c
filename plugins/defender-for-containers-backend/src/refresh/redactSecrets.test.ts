import { redactSecrets } from './redactSecrets';

describe('redactSecrets', () => {
  it('masks Docker Hub tokens, bearer tokens and JWTs, and bounds the length', () => {
    const text = redactSecrets(
      'failed for dckr_pat_abcdefghijklmnopqrstuvwxyz01 with Authorization: Bearer abc.def-ghi and eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl',
    );
    expect(text).toBe(
      'failed for dckr_*** with Authorization: Bearer *** and ***jwt***',
    );
    expect(redactSecrets('x'.repeat(5000))).toHaveLength(1000);
  });
});
