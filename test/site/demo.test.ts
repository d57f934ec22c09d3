import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { buildTestApp } from '../helpers/app.js';
import { fixedClock } from '../../src/clock.js';
import { seedDemo, isEmptySite } from '../../src/demo/seed.js';
import { demoContent } from '../../src/demo/demo-content.js';

describeEachEngine('demo magazine', (engine) => {
  const database = useTestDatabase(engine);
  let app: FastifyInstance;
  const clock = fixedClock('2026-11-23T09:00:00.000Z');

  beforeAll(async () => {
    expect(await isEmptySite(database.current.db)).toBe(true);
    const summary = await seedDemo(database.current.db, clock, demoContent);
    expect(summary.articles).toBeGreaterThanOrEqual(28);
    expect(await isEmptySite(database.current.db)).toBe(false);
    app = await buildTestApp(database.current, clock);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('has what the brief asks of it: 6 sections with children, 5 authors, 2 sources, a 3-part series, an Arabic story, threaded comments', () => {
    const top = demoContent.categories.filter((c) => !c.parent);
    expect(top.length).toBe(6);
    expect(demoContent.categories.some((c) => c.parent)).toBe(true);
    expect(demoContent.authors.length).toBe(5);
    expect(demoContent.authors.filter((a) => a.credentials).length).toBeGreaterThanOrEqual(1);
    expect(demoContent.sources.length).toBe(2);
    const parts = demoContent.articles.filter((a) => a.series).map((a) => a.series!.part).sort();
    expect(parts).toEqual([1, 2, 3]);
    expect(demoContent.articles.filter((a) => a.dir === 'rtl').length).toBe(1);
    expect(demoContent.articles.some((a) => a.comments?.some((c) => c.replies?.length))).toBe(true);
  });

  it('every link on the site leads to a page that answers 200, and none shows a commenter email', async () => {
    const seen = new Set<string>();
    const queue = ['/'];
    const emails = demoContent.articles.flatMap((a) => a.comments ?? []).flatMap(function all(c): string[] {
      return [c.email, ...(c.replies ?? []).flatMap(all)];
    });
    while (queue.length) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      for (const email of emails) expect(res.body, `${email} on ${url}`).not.toContain(email);
      if (!res.headers['content-type']?.toString().startsWith('text/html')) continue;
      for (const a of parse(res.body).querySelectorAll('a[href^="/"], link[href^="/"], img[src^="/"]')) {
        const href = (a.getAttribute('href') ?? a.getAttribute('src'))!.split('#')[0]!;
        if (href && !seen.has(href) && !href.includes('replytocom')) queue.push(href);
      }
    }
    expect(seen.size).toBeGreaterThan(60);
  });

  it('shows the Arabic story right to left and the lead story first', async () => {
    const arabic = demoContent.articles.find((a) => a.dir === 'rtl')!;
    const res = await app.inject({ url: `/${encodeURIComponent(arabic.slug)}/` });
    expect(res.statusCode).toBe(200);
    const article = parse(res.body).querySelector('article.article')!;
    expect(article.getAttribute('dir')).toBe('rtl');
    expect(article.getAttribute('lang')).toBe('ar');
    const lead = demoContent.articles.find((a) => a.featured)!;
    const home = parse((await app.inject({ url: '/' })).body);
    expect(home.querySelector('.home-lead .teaser__title')?.textContent.trim()).toBe(lead.title);
  });
});
