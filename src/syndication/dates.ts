const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
  // the non-English abbreviations feeds from Portuguese, Spanish, German and French sites use
  fev: 1, abr: 3, mai: 4, ago: 7, set: 8, out: 9, dez: 11, ene: 0, dic: 11, okt: 9, mär: 2, mrz: 2, fév: 1, avr: 3, jui: 6, aoû: 7, déc: 11,
};
const ZONES: Record<string, number> = { ut: 0, utc: 0, gmt: 0, z: 0, est: -5, edt: -4, cst: -6, cdt: -5, mst: -7, mdt: -6, pst: -8, pdt: -7, cet: 1, cest: 2, bst: 1, ist: 5.5, jst: 9 };

function zoneOffsetMinutes(zone: string | undefined): number {
  if (!zone) return 0;
  const z = zone.toLowerCase();
  if (z in ZONES) return ZONES[z]! * 60;
  const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

function build(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, offsetMin = 0): Date | null {
  if (y < 100) y += y < 50 ? 2000 : 1900;
  const t = Date.UTC(y, mo, d, h, mi, s) - offsetMin * 60_000;
  const date = new Date(t);
  if (Number.isNaN(t) || mo < 0 || mo > 11 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return null;
  return date;
}

/**
 * Reads a feed date: RFC 3339 / ISO 8601 (with or without a zone, a space
 * instead of the T), RFC 822 with named or numeric zones, two-digit years,
 * missing weekdays or seconds, and the common broken forms. Null when the
 * value holds no recognisable date.
 */
export function parseFeedDate(raw: string | null | undefined): Date | null {
  if (!raw) return null;
  const v = raw.trim().replace(/\s+/g, ' ');
  if (!v) return null;
  let m = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?)? ?(Z|[+-]\d{2}:?\d{2}|[A-Za-z]{1,4})?$/i.exec(v);
  if (m) return build(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), zoneOffsetMinutes(m[7]));
  m = /^(?:\p{L}+,? ?)?(\d{1,2})[ -](\p{L}{3})\p{L}*\.?[ -](\d{2,4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)? ?([A-Za-z]{1,4}|[+-]\d{2}:?\d{2})?$/u.exec(v);
  if (m && MONTHS[m[2]!.toLowerCase()] !== undefined) {
    return build(+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), zoneOffsetMinutes(m[7]));
  }
  // "Tue, Nov 24 2026 10:00:00 GMT" and other month-first forms
  m = /^(?:[A-Za-z]+,? )?([A-Za-z]{3})[A-Za-z]* (\d{1,2}),? (\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)? ?([A-Za-z]{1,4}|[+-]\d{2}:?\d{2})?$/.exec(v);
  if (m && MONTHS[m[1]!.toLowerCase()] !== undefined) {
    return build(+m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), zoneOffsetMinutes(m[7]));
  }
  const fallback = new Date(v);
  return Number.isNaN(fallback.getTime()) ? null : fallback;
}
