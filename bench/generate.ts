/**
 * Fills a SQLite database with N generated, published articles, fast:
 * one transaction, prepared statements, bodies rendered from a few templates.
 * The vocabulary varies so pages, feeds and search see realistic text.
 */
import SQLite from 'better-sqlite3';
import { renderMarkdown, textFromHtml, truncateWords } from '../src/content/html.js';

const WORDS = 'water energy port harbour council reservoir desalination solar grid tariff freight rail corridor drought harvest market festival museum archive election budget survey climate coast river canal pipeline refinery school clinic hospital bridge tram library cinema novel orchestra mosque bazaar caravan textile saffron pistachio date palm fishery shipping container customs treaty summit ministry engineer farmer teacher mayor researcher laboratory satellite telescope vaccine trial'.split(' ');

function paragraph(seed: number, words: number): string {
  const out: string[] = [];
  let x = seed;
  for (let i = 0; i < words; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out.push(WORDS[x % WORDS.length]!);
  }
  const s = out.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

export function generateArticles(file: string, count: number, now = new Date()): void {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  const categories = db.prepare('SELECT id FROM categories').all() as { id: number }[];
  const authors = db.prepare('SELECT id FROM authors').all() as { id: number }[];
  if (categories.length === 0 || authors.length === 0) throw new Error('seed the demo first: generated stories need categories and authors');
  const insert = db.prepare(`INSERT INTO articles (type, slug, title, dek, excerpt, summary, kind, body_format, body_source, body_html, status, published_at, created_at, updated_at, lang, dir, primary_category_id, featured, comments_enabled)
    VALUES ('post', ?, ?, ?, NULL, ?, 'news', 'markdown', ?, ?, 'published', ?, ?, ?, NULL, NULL, ?, 0, 1)`);
  const byline = db.prepare('INSERT INTO article_authors (article_id, author_id, position) VALUES (?, ?, 0)');
  const templates = Array.from({ length: 50 }, (_, t) => {
    const source = [paragraph(t * 7 + 1, 60), paragraph(t * 7 + 2, 50), `## ${paragraph(t * 7 + 3, 4)}`, paragraph(t * 7 + 4, 40)].join('\n\n');
    const html = renderMarkdown(source);
    return { source, html, summary: truncateWords(textFromHtml(html), 300) };
  });
  const run = db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const t = templates[i % templates.length]!;
      const when = new Date(now.getTime() - (count - i) * 60_000).toISOString();
      const title = `${paragraph(i + 11, 6).slice(0, -1)} ${i}`;
      const { lastInsertRowid } = insert.run(`generated-${i}`, title, paragraph(i + 5, 14), t.summary, t.source, t.html, when, when, when, categories[i % categories.length]!.id);
      byline.run(Number(lastInsertRowid), authors[i % authors.length]!.id);
    }
  });
  run();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}
