/**
 * `node --import tsx bench/wxr.ts`: time and peak memory of a WordPress import.
 * Imports (1) the largest WXR file of ../shared/corpus/wxr and (2) a generated
 * export of about 100 MB (BENCH_WXR_MB to change), each in a fresh child
 * process on a fresh SQLite file, and prints wall time, records per second and
 * the child's peak resident memory (getrusage maxrss). Not part of `npm test`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const here = path.dirname(new URL(import.meta.url).pathname);

async function child(file: string, dbFile: string): Promise<void> {
  const { connect } = await import('../src/db/connect.js');
  const { migrateToLatest } = await import('../src/db/migrate.js');
  const { importWxr } = await import('../src/syndication/wxr/wxr-import.service.js');
  const { systemClock } = await import('../src/clock.js');
  const handle = await connect({ engine: 'sqlite', file: dbFile });
  await migrateToLatest(handle.db);
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const started = performance.now();
  const s = await importWxr(handle.db, file, systemClock);
  const ms = performance.now() - started;
  clearInterval(timer);
  await handle.close();
  const maxRssMb = Math.max(peak / 1048576, process.resourceUsage().maxRSS / 1024);
  process.stdout.write(JSON.stringify({ ms, maxRssMb, posts: s.created.posts, pages: s.created.pages, comments: s.created.comments }));
}

const esc = (s: string) => s.replace(/]]>/g, ']]]]><![CDATA[>');

/** Writes a WXR 1.2 export of about `mb` megabytes: authors, nested categories, tags, posts with comments. */
function generate(file: string, mb: number): void {
  const out = fs.openSync(file, 'w');
  const w = (s: string) => fs.writeSync(out, s);
  w(`<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n<title>Bench Gazette</title><link>https://bench.example</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://bench.example</wp:base_site_url><wp:base_blog_url>https://bench.example</wp:base_blog_url>\n`);
  for (let a = 1; a <= 20; a++) w(`<wp:author><wp:author_id>${a}</wp:author_id><wp:author_login><![CDATA[writer${a}]]></wp:author_login><wp:author_email><![CDATA[writer${a}@bench.example]]></wp:author_email><wp:author_display_name><![CDATA[Writer ${a}]]></wp:author_display_name></wp:author>\n`);
  for (let c = 1; c <= 40; c++) w(`<wp:category><wp:term_id>${c}</wp:term_id><wp:category_nicename><![CDATA[section-${c}]]></wp:category_nicename><wp:category_parent><![CDATA[${c > 10 ? `section-${c % 10 + 1}` : ''}]]></wp:category_parent><wp:cat_name><![CDATA[Section ${c}]]></wp:cat_name></wp:category>\n`);
  const paragraph = 'The council met on Tuesday evening to discuss the new tram line, the water budget and the state of the harbour, where freight volumes have risen for the third year running. ';
  const target = mb * 1048576;
  let id = 100;
  while (fs.fstatSync(out).size < target) {
    id++;
    const day = String((id % 28) + 1).padStart(2, '0');
    const body = Array.from({ length: 12 }, (_, i) => `<p>${paragraph.repeat(2)} (${id}.${i})</p>`).join('\n\n');
    let comments = '';
    for (let k = 1; k <= 3; k++) comments += `<wp:comment><wp:comment_id>${id * 10 + k}</wp:comment_id><wp:comment_author><![CDATA[Reader ${k}]]></wp:comment_author><wp:comment_author_email><![CDATA[r${k}@mail.example]]></wp:comment_author_email><wp:comment_date_gmt><![CDATA[2024-03-${day} 10:0${k}:00]]></wp:comment_date_gmt><wp:comment_content><![CDATA[Comment ${k} on post ${id}. ${paragraph}]]></wp:comment_content><wp:comment_approved><![CDATA[${k === 3 ? '0' : '1'}]]></wp:comment_approved><wp:comment_parent>${k === 2 ? id * 10 + 1 : 0}</wp:comment_parent></wp:comment>`;
    w(`<item><title><![CDATA[Story number ${id}]]></title><link>https://bench.example/2024/03/${day}/story-${id}/</link><pubDate>Mon, ${day} Mar 2024 10:00:00 +0000</pubDate><dc:creator><![CDATA[writer${(id % 20) + 1}]]></dc:creator><guid isPermaLink="false">https://bench.example/?p=${id}</guid><content:encoded><![CDATA[${esc(body)}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>${id}</wp:post_id><wp:post_date_gmt><![CDATA[2024-03-${day} 10:00:00]]></wp:post_date_gmt><wp:comment_status><![CDATA[open]]></wp:comment_status><wp:post_name><![CDATA[story-${id}]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status><wp:post_type><![CDATA[post]]></wp:post_type><wp:is_sticky>0</wp:is_sticky><category domain="category" nicename="section-${(id % 40) + 1}"><![CDATA[Section ${(id % 40) + 1}]]></category><category domain="post_tag" nicename="topic-${id % 300}"><![CDATA[Topic ${id % 300}]]></category>${comments}</item>\n`);
  }
  w('</channel>\n</rss>\n');
  fs.closeSync(out);
}

function run(label: string, file: string, dir: string): void {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'wxr.ts'), '--child', file, path.join(dir, `${path.basename(file)}.db`)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`${label}: ${r.stderr}`);
  const m = JSON.parse(r.stdout) as { ms: number; maxRssMb: number; posts: number; pages: number; comments: number };
  const size = fs.statSync(file).size / 1048576;
  const items = m.posts + m.pages;
  process.stdout.write(`| ${label} | ${size.toFixed(1)} MB | ${items} posts+pages, ${m.comments} comments | ${(m.ms / 1000).toFixed(1)} s | ${Math.round(items / (m.ms / 1000))} items/s | ${m.maxRssMb.toFixed(0)} MB |\n`);
}

const args = process.argv.slice(2);
if (args[0] === '--child') {
  await child(args[1]!, args[2]!);
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-bench-wxr-'));
  try {
    process.stdout.write('| WXR import (SQLite) | file | imported | time | rate | peak RSS |\n| --- | --- | --- | --- | --- | --- |\n');
    const corpus = path.resolve(here, '../../shared/corpus/wxr');
    if (fs.existsSync(corpus)) {
      const largest = fs.readdirSync(corpus, { recursive: true }).map(String).filter((f) => f.endsWith('.xml')).map((f) => path.join(corpus, f)).sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0]!;
      run(`corpus: ${path.basename(largest)}`, largest, dir);
    } else process.stdout.write('| corpus | (../shared/corpus absent: skipped) | | | | |\n');
    const mb = Number(process.env.BENCH_WXR_MB ?? 100);
    const generated = path.join(dir, `generated-${mb}mb.xml`);
    generate(generated, mb);
    run(`generated ${mb} MB export`, generated, dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
