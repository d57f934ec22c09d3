/*
 * The only place a view prints HTML without escaping it. Everything else in
 * the views goes through Preact's escaping. Keep this file small and audited:
 * the lint configuration forbids dangerouslySetInnerHTML everywhere else.
 */
import type { SanitizedHtml } from '../../content/html.js';

/** Prints HTML that content/html.ts has sanitized (the type proves it). */
export function TrustedHtml({ html, class: className }: { html: SanitizedHtml; class?: string }) {
  return <div class={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

/**
 * Serializes data for a <script type="application/ld+json"> block. `<`, `>`
 * and `&` are escaped as \u sequences so no string inside can close the
 * script element, and U+2028/2029 so older parsers do not choke.
 */
const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/g;
const SCRIPT_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

export function jsonForScript(data: unknown): string {
  // one pass over the text rather than one per character
  return JSON.stringify(data).replace(SCRIPT_UNSAFE, (c) => SCRIPT_ESCAPES[c]!);
}

export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(data) }} />;
}
