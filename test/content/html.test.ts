import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { renderMarkdown, sanitize, stripControlChars, textFromHtml, truncateWords } from '../../src/content/html.js';

describe('renderMarkdown', () => {
  it('renders the Markdown authors write', () => {
    const html = renderMarkdown('## Heading\n\nSome **bold**, *italic* and [a link](https://example.org).\n\n> quoted\n\n- one\n- two\n');
    const doc = parse(html);
    expect(doc.querySelector('h2')?.textContent).toBe('Heading');
    expect(doc.querySelector('strong')?.textContent).toBe('bold');
    expect(doc.querySelector('em')?.textContent).toBe('italic');
    expect(doc.querySelector('a')?.getAttribute('href')).toBe('https://example.org');
    expect(doc.querySelector('blockquote p')?.textContent).toBe('quoted');
    expect(doc.querySelectorAll('li').length).toBe(2);
  });

  it('turns a top-level heading into h2: the page title is the only h1', () => {
    expect(renderMarkdown('# Title')).toBe('<h2>Title</h2>\n');
  });

  it('removes scripts, event handlers and javascript: links from Markdown and inline HTML', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src="https://x.example/a.png" onerror="alert(2)">\n\n[click](javascript:alert(3))\n\n<a href="JaVaScRiPt:alert(4)">x</a>\n\n<iframe src="https://evil.example/"></iframe>\n\n<svg onload=alert(5)></svg><style>body{}</style>',
    );
    expect(html).not.toMatch(/<script|onerror|onload|<svg|<style|evil\.example/i);
    for (const a of parse(html).querySelectorAll('a')) expect(a.getAttribute('href') ?? '').not.toMatch(/javascript:/i);
    expect(html).toContain('src="https://x.example/a.png"');
  });

  it('keeps embeds from allowed video hosts, sandboxed', () => {
    const html = renderMarkdown('<iframe src="https://www.youtube-nocookie.com/embed/abc" width="560" height="315"></iframe>');
    const iframe = parse(html).querySelector('iframe')!;
    expect(iframe.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/abc');
    expect(iframe.getAttribute('sandbox')).toContain('allow-scripts');
  });

  it('keeps only known rel values on links', () => {
    const html = sanitize('<a href="https://example.org" rel="nofollow evil" target="_blank">x</a>');
    expect(html).toBe('<a href="https://example.org" rel="nofollow">x</a>');
  });
});

describe('text helpers', () => {
  it('strips control characters but keeps newlines and tabs', () => {
    expect(stripControlChars('a\u0000b\u0007c\nd\te\u009f')).toBe('abc\nd\te');
  });

  it('reads the text of HTML, entities decoded', () => {
    expect(textFromHtml('<p>Fish &amp; chips</p><p>&#8220;quoted&#x201D;</p><script>x()</script>')).toBe('Fish & chips “quoted”');
  });

  it('cuts teasers at a word and ends them with an ellipsis', () => {
    expect(truncateWords('one two three four five', 12)).toBe('one two…');
    expect(truncateWords('short', 100)).toBe('short');
    expect(truncateWords('short.', 100, true)).toBe('short…');
  });
});

const corpus = path.resolve(__dirname, '../../../shared/corpus/xss');
const describeCorpus = fs.existsSync(corpus) ? describe : describe.skip;
if (!fs.existsSync(corpus)) process.stderr.write(`SKIPPED: XSS corpus not found at ${corpus}\n`);

describeCorpus('sanitizer against the XSS corpus', () => {
  const files = fs.existsSync(corpus) ? fs.readdirSync(corpus, { recursive: true }).map(String).filter((f) => /\.(txt|json)$/.test(f) && !/event_handlers|Auth_Bypass|SQL|NoSQL|MongoDB|Generic_Fuzz|open_redirect|quick-SQLi/.test(f)) : [];
  const payloads: string[] = [];
  for (const f of files) {
    const raw = fs.readFileSync(path.join(corpus, f), 'utf8');
    if (f.endsWith('.json')) payloads.push(...(JSON.parse(raw) as string[]));
    else payloads.push(...raw.split('\n').filter((l) => l.trim() && !l.startsWith('#')));
  }

  it(`leaves no script, event handler or script URL in ${payloads.length} payloads, as Markdown and as HTML`, () => {
    expect(payloads.length).toBeGreaterThan(500);
    for (const payload of payloads) {
      for (const html of [renderMarkdown(payload), sanitize(payload)]) {
        const doc = parse(html);
        for (const el of doc.querySelectorAll('*')) {
          expect(['script', 'style', 'svg', 'object', 'embed', 'form', 'input', 'base', 'meta', 'link'], payload).not.toContain(el.tagName.toLowerCase());
          for (const [name, value] of Object.entries(el.attributes)) {
            expect(name.toLowerCase().startsWith('on'), `${payload} → ${html}`).toBe(false);
            expect(/^\s*(javascript|vbscript|data):/i.test(value), `${payload} → ${html}`).toBe(false);
          }
        }
      }
    }
  });
});
