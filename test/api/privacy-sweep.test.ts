import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { buildTestApp } from '../helpers/app.js';
import { NOW, makeArticle } from '../helpers/fixtures.js';
import { insertComment } from '../../src/comments/comments.repository.js';
import { toGhostId } from '../../src/api/ghost/ghost-id.js';
import { PRIVATE_MARKERS, seedApi } from './api-fixtures.js';

/*
 * Every endpoint of both APIs, with every include and embed, every page of
 * every list, and a single read of everything listed: no draft, no story
 * scheduled for later, no author's or commenter's email, no held or spam
 * comment may appear anywhere.
 */
describeEachEngine('content API privacy sweep', (engine) => {
  const database = useTestDatabase(engine);
  let app: FastifyInstance;
  let key: string;
  let hidden: { id: number; slug: string }[];
  const markers = [...PRIVATE_MARKERS, 'Draft with a picture', 'draft-picture-marker.png', 'Comment on a draft', 'draft-commenter@example.org'];

  beforeAll(async () => {
    const seeded = await seedApi(database.current.db);
    key = seeded.key;
    const { db } = database.current;
    const drafty = await makeArticle(db, { title: 'Draft with a picture', status: 'draft', publishedAt: null, tagIds: [seeded.tags.water], authorIds: [seeded.authors.doctor], image: { url: '/media/draft-picture-marker.png', alt: 'Draft with a picture' } });
    await insertComment(db, { articleId: drafty.id, name: 'Early reader', email: 'draft-commenter@example.org', body: 'Comment on a draft', status: 'approved', createdAt: NOW.toISOString() });
    await insertComment(db, { articleId: seeded.articles.future.id, name: 'Early reader', email: 'draft-commenter@example.org', body: 'Comment on a draft', status: 'approved', createdAt: NOW.toISOString() });
    hidden = [drafty, seeded.articles.draft, seeded.articles.future];
    app = await buildTestApp(database.current);
  });
  afterAll(async () => {
    await app?.close();
  });

  /** GETs a URL and every further page of it; returns the bodies. */
  async function crawl(url: string): Promise<string[]> {
    const bodies: string[] = [];
    for (let page = 1; page <= 50; page++) {
      const r = await app.inject(`${url}${url.includes('?') ? '&' : '?'}page=${page}`);
      expect(r.statusCode, `${url} page ${page}: ${r.body.slice(0, 200)}`).toBe(200);
      bodies.push(r.body);
      const body = r.json();
      const pages = body.meta?.pagination?.pages ?? Number(r.headers['x-wp-totalpages'] ?? 1);
      if (page >= pages) break;
    }
    return bodies;
  }

  it('finds no draft, scheduled story, private email or held comment anywhere', async () => {
    const g = (path: string) => `/ghost/api/content${path}?key=${key}`;
    const lists = [
      g('/posts/') + '&include=tags,authors&formats=html,plaintext&limit=3',
      g('/posts/') + '&limit=all&include=tags,authors',
      g('/pages/') + '&include=tags,authors&formats=html,plaintext',
      g('/tags/') + '&include=count.posts&limit=2',
      g('/authors/') + '&include=count.posts&limit=1',
      '/wp-json/wp/v2/posts?_embed&per_page=4',
      '/wp-json/wp/v2/pages?_embed',
      '/wp-json/wp/v2/categories?per_page=2',
      '/wp-json/wp/v2/tags',
      '/wp-json/wp/v2/users?per_page=1',
      '/wp-json/wp/v2/comments?per_page=2',
      '/wp-json/wp/v2/media',
    ];
    const bodies: string[] = [];
    for (const url of lists) bodies.push(...(await crawl(url)));
    for (const url of [g('/settings/'), '/wp-json/', '/wp-json/wp/v2']) bodies.push((await app.inject(url)).body);

    // a single read of everything any list showed
    const singles: string[] = [];
    for (const body of bodies) {
      const json = JSON.parse(body);
      for (const [resource, items] of Object.entries(json)) {
        if (!Array.isArray(items) || !['posts', 'pages', 'tags', 'authors'].includes(resource)) continue;
        for (const item of items as { id: string }[]) singles.push(g(`/${resource}/${item.id}/`) + '&include=' + (resource === 'posts' || resource === 'pages' ? 'tags,authors' : 'count.posts'));
      }
    }
    for (const c of ['posts', 'pages', 'categories', 'tags', 'users', 'comments', 'media']) {
      const r = await app.inject(`/wp-json/wp/v2/${c}?per_page=100`);
      for (const item of r.json() as { id: number }[]) singles.push(`/wp-json/wp/v2/${c}/${item.id}${c === 'posts' || c === 'pages' ? '?_embed' : ''}`);
    }
    expect(singles.length).toBeGreaterThan(40);
    for (const url of singles) {
      const r = await app.inject(url);
      expect(r.statusCode, url).toBe(200);
      bodies.push(r.body);
    }

    const everything = bodies.join('\n');
    for (const marker of markers) expect(everything, `found "${marker}"`).not.toContain(marker);
    expect(everything).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}/);
  });

  it('answers 404 for hidden stories asked for by id or slug, and lists none of their comments', async () => {
    for (const a of hidden) {
      for (const url of [
        `/ghost/api/content/posts/${toGhostId('article', a.id)}/?key=${key}`,
        `/ghost/api/content/posts/slug/${a.slug}/?key=${key}`,
        `/wp-json/wp/v2/posts/${a.id}`,
        `/wp-json/wp/v2/media/${a.id}`,
      ]) {
        expect((await app.inject(url)).statusCode, url).toBe(404);
      }
      expect((await app.inject(`/wp-json/wp/v2/posts?slug=${a.slug}`)).json()).toEqual([]);
      expect((await app.inject(`/wp-json/wp/v2/comments?post=${a.id}`)).json()).toEqual([]);
      expect((await app.inject(`/ghost/api/content/posts/?key=${key}&filter=${encodeURIComponent(`slug:${a.slug}`)}`)).json().posts).toEqual([]);
    }
  });
});
