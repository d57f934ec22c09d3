import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * HTML that has been through sanitize(). The brand makes the type system
 * refuse a plain string where sanitized HTML is required, so the one view
 * helper that prints HTML unescaped (site/views/trusted-html.tsx) can only be
 * handed the output of this module.
 */
export type SanitizedHtml = string & { readonly __sanitized: unique symbol };

const EMBED_HOSTS = ['www.youtube.com', 'www.youtube-nocookie.com', 'player.vimeo.com'];

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li',
    'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'sub', 'sup', 'small', 'mark',
    'code', 'pre', 'kbd', 'samp', 'var', 'a', 'img', 'figure', 'figcaption', 'picture', 'source',
    'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'colgroup', 'col',
    'dl', 'dt', 'dd', 'abbr', 'cite', 'q', 'span', 'div', 'time', 'iframe', 'bdi', 'bdo', 'wbr',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'hreflang'],
    img: ['src', 'srcset', 'sizes', 'alt', 'title', 'width', 'height', 'loading', 'decoding'],
    source: ['srcset', 'sizes', 'type', 'media', 'width', 'height'],
    th: ['colspan', 'rowspan', 'scope', 'abbr'],
    td: ['colspan', 'rowspan'],
    col: ['span'],
    colgroup: ['span'],
    ol: ['start', 'reversed', 'type'],
    li: ['value'],
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite', 'datetime'],
    ins: ['cite', 'datetime'],
    abbr: ['title'],
    time: ['datetime'],
    iframe: ['src', 'width', 'height', 'title', 'allowfullscreen', 'sandbox', 'loading'],
    '*': ['lang', 'dir'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'], source: ['http', 'https'], iframe: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'srcset'],
  allowProtocolRelative: false,
  allowedIframeHostnames: EMBED_HOSTS,
  disallowedTagsMode: 'discard',
  nonTextTags: ['style', 'script', 'textarea', 'option', 'noscript', 'template', 'title', 'xmp', 'noembed', 'noframes'],
  transformTags: {
    h1: 'h2',
    a: (tagName, attribs) => {
      const rel = new Set((attribs.rel ?? '').split(/\s+/).filter((r) => /^(nofollow|noopener|noreferrer|ugc|sponsored|external)$/.test(r)));
      const out: Record<string, string> = { ...attribs };
      if (rel.size) out.rel = [...rel].join(' ');
      else delete out.rel;
      return { tagName, attribs: out };
    },
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy', decoding: 'async' } }),
    iframe: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, sandbox: 'allow-scripts allow-same-origin allow-presentation allow-popups', loading: 'lazy' },
    }),
  },
  exclusiveFilter: (frame) => frame.tag === 'iframe' && !frame.attribs.src,
};

/** Makes any HTML safe to show: only allow-listed tags, attributes and URL schemes survive. */
export function sanitize(html: string): SanitizedHtml {
  return sanitizeHtml(stripControlChars(html), options) as SanitizedHtml;
}

const markdown = new MarkdownIt({ html: true, linkify: true, typographer: true, breaks: false });

/** Renders an author's Markdown to sanitized HTML: the form stored in body_html. */
export function renderMarkdown(source: string): SanitizedHtml {
  return sanitize(markdown.render(source));
}

/**
 * Removes characters that have no business in text: C0 controls other than
 * tab/newline/carriage return, DEL, C1 controls, and lone surrogates. XML 1.0
 * forbids most of them, so feeds would break on them later.
 */
export function stripControlChars(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '').toWellFormed();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…', mdash: '—', ndash: '–', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };

/** The readable text of an HTML fragment, whitespace folded. */
export function textFromHtml(html: string): string {
  // a block's end is a word break: "<p>a</p><p>b</p>" reads "a b", not "ab"
  const spaced = html.replace(/<\/(p|div|h[1-6]|li|blockquote|tr|td|th|dt|dd|figcaption|pre|section|article)\s*>|<br\s*\/?>/gi, '$& ');
  const text = sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {}, nonTextTags: ['style', 'script', 'textarea', 'noscript', 'template', 'title'] });
  return text
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A teaser cut at a word boundary and ending in "…". Text already shorter
 * than the limit is returned as is, with an ellipsis only when `alwaysEllipsis`.
 */
export function truncateWords(text: string, maxChars = 200, alwaysEllipsis = false): string {
  // stored summaries are already on one line with single spaces: skip the copy then
  const t = (/\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
  if (t.length <= maxChars) {
    if (!alwaysEllipsis || t === '' || t.endsWith('…')) return t;
    return `${trimEnd(t, SENTENCE_END)}…`;
  }
  const cut = t.slice(0, maxChars + 1);
  const space = cut.lastIndexOf(' ');
  return `${trimEnd(space > maxChars * 0.4 ? cut.slice(0, space) : cut.slice(0, maxChars), DANGLING)}…`;
}

const SENTENCE_END = new Set('.,;:!?');
const DANGLING = new Set(' \t\n.,;:!?\'"“‘(—–-');

/**
 * Drops trailing characters of a set. A loop, not /[…]+$/: V8 retries such a
 * pattern from every position of the string, and teasers are cut on every page.
 */
function trimEnd(text: string, chars: Set<string>): string {
  let end = text.length;
  while (end > 0 && chars.has(text[end - 1]!)) end--;
  return text.slice(0, end);
}
