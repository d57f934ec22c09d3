import crypto from 'node:crypto';

const HASHES = 64;
const SHINGLE = 3;
// fixed seeds: signatures must compare across processes and restarts
const SEEDS = Array.from({ length: HASHES }, (_, i) => crypto.createHash('sha256').update(`masthead-minhash-${i}`).digest().readUInt32LE(0));

function hash32(s: string, seed: number): number {
  // FNV-1a with a seeded basis: fast and good enough to spread shingles
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The words of a text, lower-cased, without punctuation (any script). */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * A MinHash signature over the text's 3-word shingles: two stories' signatures
 * agree in about the same share of places as their shingle sets overlap
 * (Jaccard similarity). Null for texts too short to judge.
 */
export function fingerprint(text: string): number[] | null {
  const words = wordsOf(text);
  if (words.length < SHINGLE + 4) return null;
  const mins = new Array<number>(HASHES).fill(0xffffffff);
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    const shingle = words.slice(i, i + SHINGLE).join(' ');
    for (let k = 0; k < HASHES; k++) {
      const h = hash32(shingle, SEEDS[k]!);
      if (h < mins[k]!) mins[k] = h;
    }
  }
  return mins;
}

/** Estimated Jaccard similarity of two signatures, 0–1. */
export function similarity(a: number[], b: number[]): number {
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++;
  return same / HASHES;
}

export const encodeFingerprint = (f: number[] | null) => (f ? f.join(',') : null);
export const decodeFingerprint = (s: string | null): number[] | null => {
  if (!s) return null;
  const parts = s.split(',').map(Number);
  return parts.length === HASHES && parts.every(Number.isFinite) ? parts : null;
};
