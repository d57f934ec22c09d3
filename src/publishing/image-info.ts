import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const demoDir = path.join(here, '..', 'demo', 'images');

const TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
};

const sizes = new Map<string, number>();

/** The media type an image URL's extension implies (image/jpeg when it says nothing). */
export function imageType(url: string): string {
  const ext = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase();
  return (ext && TYPES[ext]) || 'image/jpeg';
}

/**
 * Bytes of an image this site serves itself (the demo illustrations under
 * /assets/demo/), else 0: RSS enclosures need a length, and "unknown" is 0.
 */
export function imageLength(url: string): number {
  const m = /^\/assets\/demo\/([a-z0-9-]+\.svg)$/.exec(url);
  if (!m) return 0;
  const name = m[1]!;
  let size = sizes.get(name);
  if (size === undefined) {
    try {
      size = fs.statSync(path.join(demoDir, name)).size;
    } catch {
      size = 0;
    }
    sizes.set(name, size);
  }
  return size;
}

/** A site path made absolute; absolute URLs pass through. */
export function absoluteUrl(baseUrl: string, url: string): string {
  return url.startsWith('/') && !url.startsWith('//') ? baseUrl + url : url;
}

/** Root-relative href/src in stored HTML made absolute, so feed readers elsewhere can follow them. */
export function absolutizeHtml(baseUrl: string, html: string): string {
  return html.replace(/\b(href|src)="\/(?!\/)/g, `$1="${baseUrl}/`);
}
