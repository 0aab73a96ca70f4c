/** Hex digits of a digest shown; the whole image is the element's tooltip. */
const DIGEST_SHOWN = 12;

/**
 * `org/repo:tag` as it is; `org/repo@sha256:…` shortened to its first digits, since the digest
 * is 64 digits long and would take a table column's whole height.
 */
export function shortImage(image: string): string {
  const digest = /^(.*@sha256:)([0-9a-f]+)$/i.exec(image);
  if (!digest || digest[2].length <= DIGEST_SHOWN) return image;
  return `${digest[1]}${digest[2].slice(0, DIGEST_SHOWN)}…`;
}
