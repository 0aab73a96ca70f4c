import { checkTokenFormat } from './checkTokenFormat';

describe('checkTokenFormat', () => {
  it.each([
    ['dckr_pat_abcdefghijklmnopqrstuvwxyz0', 'pass'],
    ['dckr_oat_7awgM4jG5SQvxcvmNzhKj8PQjxo', 'fail'],
    ['85145afa-7f81-4235-82c9-e37df7c244a8', 'warn'],
    ['hunter2', 'warn'],
    ['dckr_pat_short', 'warn'],
  ])('%s → %s, never echoing the token', (token, status) => {
    const outcome = checkTokenFormat(token, 'mdcuser');
    expect(outcome.status).toBe(status);
    expect(JSON.stringify(outcome)).not.toContain(token);
  });
});
