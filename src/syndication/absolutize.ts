import sanitizeHtml from 'sanitize-html';

const URL_ATTRS = ['href', 'src', 'poster', 'cite'];

function resolve(value: string, base: string): string {
  try {
    return new URL(value.trim(), base).href;
  } catch {
    return value;
  }
}

/**
 * Rewrites relative links and image sources in imported HTML against the
 * item's base, so they still point at the outlet once the story lives on our
 * site. Runs before sanitize(), which then drops anything unsafe.
 */
export function absolutizeHtml(html: string, base: string | null): string {
  if (!base) return html;
  return sanitizeHtml(html, {
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: true,
    parser: { decodeEntities: true },
    transformTags: {
      '*': (tagName, attribs) => {
        const out: Record<string, string> = { ...attribs };
        for (const name of URL_ATTRS) if (out[name] !== undefined) out[name] = resolve(out[name]!, base);
        if (out.srcset) out.srcset = out.srcset.split(',').map((part) => part.trim().replace(/^\S+/, (u) => resolve(u, base))).join(', ');
        return { tagName, attribs: out };
      },
    },
  });
}
