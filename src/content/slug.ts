/**
 * Slugs as WordPress makes them, so that migrated links keep working:
 * lower case, accents folded, words joined by hyphens. Scripts without a
 * Latin transliteration (Arabic, CJK…) are kept as letters, since browsers
 * show them readably and WordPress keeps them too (percent-encoded on the wire).
 */
export function slugify(input: string, maxLength = 190): string {
  const folded = input
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '') // combining marks: é → e, and Arabic harakat
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/&/g, ' and ');
  const slug = folded
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/-{2,}/g, '-');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}

/** True when a string is a slug as slugify() makes them. */
export function isSlug(value: string): boolean {
  return value.length > 0 && value.length <= 200 && /^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u.test(value);
}

/**
 * A slug not yet taken: `base`, then `base-2`, `base-3`… as WordPress does.
 * `taken` answers whether a candidate exists already.
 */
export async function uniqueSlug(base: string, taken: (candidate: string) => Promise<boolean>): Promise<string> {
  const root = base || 'untitled';
  if (!(await taken(root))) return root;
  for (let n = 2; n < 10_000; n++) {
    const candidate = `${root}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
  throw new Error(`no free slug near ${root}`);
}
