/**
 * A few helpers for writing XML by hand. Every text and attribute value goes
 * through `xmlText`/`xmlAttr`, which also drop the characters XML 1.0 forbids
 * (C0 controls other than tab, LF and CR; U+FFFE/U+FFFF; lone surrogates) and
 * the C1 controls it discourages: one stray byte from an import must not make
 * a whole feed unreadable.
 */

// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;

/** Drops what XML 1.0 cannot carry; lone surrogates become U+FFFD. */
export function xmlSafe(value: string): string {
  return value.toWellFormed().replace(NOT_XML, '');
}

export function xmlText(value: string): string {
  return xmlSafe(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function xmlAttr(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

type Attrs = Record<string, string | number | null | undefined>;

function attrs(a: Attrs | undefined): string {
  if (!a) return '';
  let out = '';
  for (const [k, v] of Object.entries(a)) if (v !== null && v !== undefined) out += ` ${k}="${xmlAttr(String(v))}"`;
  return out;
}

/** `<name attrs>text</name>`, or nothing when the text is null or undefined. */
export function el(name: string, text: string | number | null | undefined, a?: Attrs): string {
  if (text === null || text === undefined) return '';
  return `<${name}${attrs(a)}>${xmlText(String(text))}</${name}>`;
}

/** An element whose children are already XML. */
export function wrap(name: string, children: string, a?: Attrs): string {
  return `<${name}${attrs(a)}>${children}</${name}>`;
}

export function empty(name: string, a: Attrs): string {
  return `<${name}${attrs(a)}/>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
