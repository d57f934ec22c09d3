/**
 * Ghost ids are 24 hex digits (MongoDB ObjectIds). Ours are integers, so an
 * id is derived: a fixed prefix, a byte naming the table (so a tag's id is
 * never read as a post's), then the integer in 10 hex digits. Stable, and
 * reversible without a lookup table.
 */
const PREFIX = '6d6173746865'; // "masthe"
const KINDS = { article: '01', tag: '02', author: '03', category: '04' } as const;
export type GhostIdKind = keyof typeof KINDS;
const MAX = 0xffffffffff;

export function toGhostId(kind: GhostIdKind, id: number): string {
  return PREFIX + KINDS[kind] + id.toString(16).padStart(10, '0').slice(-10);
}

/** The integer behind a Ghost id of that kind, or undefined when it is not one of ours. */
export function fromGhostId(kind: GhostIdKind, ghostId: string): number | undefined {
  const m = /^6d6173746865([0-9a-f]{2})([0-9a-f]{10})$/.exec(ghostId.toLowerCase());
  if (!m || m[1] !== KINDS[kind]) return undefined;
  const n = parseInt(m[2]!, 16);
  return n >= 1 && n <= MAX ? n : undefined;
}

/** Which kind (tag or category) a Ghost tag id names. */
export function ghostIdKind(ghostId: string): GhostIdKind | undefined {
  const m = /^6d6173746865([0-9a-f]{2})[0-9a-f]{10}$/.exec(ghostId.toLowerCase());
  if (!m) return undefined;
  return (Object.keys(KINDS) as GhostIdKind[]).find((k) => KINDS[k] === m[1]);
}

/** A stable UUID-shaped string for Ghost's `uuid` field, derived from the id. */
export function ghostUuid(id: number): string {
  const hex = id.toString(16).padStart(12, '0').slice(-12);
  return `6d617374-6865-4164-8000-${hex}`;
}
