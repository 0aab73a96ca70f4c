import { shortImage } from './shortImage';

describe('shortImage', () => {
  it('keeps tags, shortens digests', () => {
    expect(shortImage('acme/api:1.4.2')).toBe('acme/api:1.4.2');
    expect(shortImage(`acme/api@sha256:${'ab'.repeat(32)}`)).toBe(
      'acme/api@sha256:abababababab…',
    );
  });
});
