/**
 * Converts between UTC instants and the wall-clock time of the site's time
 * zone, for <input type="datetime-local"> fields: editors schedule "9:00 in
 * Tehran", not "05:30Z".
 */
function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(instant));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(instant / 1000) * 1000;
}

/** "2026-11-24T09:00" in `timeZone` → ISO UTC; null when the text is not such a time. */
export function zonedToUtc(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as number[];
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > 31 || h! > 23 || mi! > 59 || (s ?? 0) > 59) return null;
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!, s ?? 0);
  let guess = wall - offsetMs(wall, timeZone);
  // once more, in case the guess crossed a daylight-saving change
  guess = wall - offsetMs(guess, timeZone);
  return new Date(guess).toISOString();
}

/** ISO UTC → "2026-11-24T09:00" in `timeZone`, for a datetime-local field's value. */
export function utcToZoned(iso: string, timeZone: string): string {
  const t = Date.parse(iso);
  return new Date(t + offsetMs(t, timeZone)).toISOString().slice(0, 16);
}
