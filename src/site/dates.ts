const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: string, timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = withTime
      ? { dateStyle: 'long', timeStyle: 'short', timeZone }
      : { dateStyle: 'long', timeZone };
    try {
      f = new Intl.DateTimeFormat(lang, options);
    } catch {
      f = new Intl.DateTimeFormat('en', options);
    }
    formatters.set(key, f);
  }
  return f;
}

/*
 * Intl formatting costs microseconds a call and a page shows a dozen dates,
 * mostly the same ones as the page before (the latest stories): keep the last
 * few thousand labels.
 */
const labels = new Map<string, string>();
const LABELS_KEPT = 4096;

/** "23 November 2026 at 21:11", in the site's time zone and the page's language. */
export function formatDateTime(iso: string, timeZone: string, lang = 'en'): string {
  const key = `${iso}|${timeZone}|${lang}`;
  let label = labels.get(key);
  if (label === undefined) {
    label = formatter(lang, timeZone, true).format(new Date(iso));
    if (labels.size >= LABELS_KEPT) labels.delete(labels.keys().next().value!);
    labels.set(key, label);
  }
  return label;
}

/** "23 November 2026". */
export function formatDate(iso: string, timeZone: string, lang = 'en'): string {
  return formatter(lang, timeZone, false).format(new Date(iso));
}

/** The UTC offset of a zone at a moment, as +04:00: for machine-readable times. */
export function isoInZone(iso: string, timeZone: string): string {
  const date = new Date(iso);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  const local = Date.UTC(+get('year'), +get('month') - 1, +get('day'), +get('hour'), +get('minute'), +get('second'));
  const offsetMin = Math.round((local - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const ROMAN: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];

/** 2 → "II": series parts are labelled the way newspapers do ("PART II"). */
export function roman(n: number): string {
  let rest = Math.floor(n);
  if (rest <= 0 || rest >= 4000) return String(n);
  let out = '';
  for (const [value, numeral] of ROMAN) {
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  }
  return out;
}
