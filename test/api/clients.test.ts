import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import GhostContentAPI from '@tryghost/content-api';
import WPAPI from 'wpapi';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { fixedClock } from '../../src/clock.js';
import { NOW } from '../helpers/fixtures.js';
import { seedApi } from './api-fixtures.js';

/*
 * The real clients, unchanged, against the app listening on 127.0.0.1:
 * what they return is checked against the database.
 */
describeEachEngine('content API through real clients', (engine) => {
  const database = useTestDatabase(engine);
  let app: FastifyInstance;
  let origin: string;
  let key: string;

  beforeAll(async () => {
    ({ key } = await seedApi(database.current.db));
    // no public URL: links (wpapi follows Link: rel=next) point at the address it called
    const config = { ...loadConfig({ DATABASE_URL: 'sqlite::memory:' }), publicUrl: null };
    app = await buildApp({ config, db: database.current.db, engine: database.current.engine, clock: fixedClock(NOW), logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await app?.close();
  });

  const ghost = () => new GhostContentAPI({ url: origin, key, version: 'v5.0' });

  it('@tryghost/content-api: posts.browse with filter, include and limit', async () => {
    const db = database.current.db;
    const posts = await ghost().posts.browse({ filter: 'tag:water+primary_tag:iran', include: ['tags', 'authors'], limit: 2 });
    const expected = await db
      .selectFrom('articles')
      .innerJoin('categories', 'categories.id', 'articles.primary_category_id')
      .select(['articles.slug'])
      .where('categories.slug', '=', 'iran')
      .where('articles.status', '=', 'published')
      .where('articles.published_at', '<=', NOW.toISOString())
      .where('articles.id', 'in', (eb) => eb.selectFrom('article_tags').innerJoin('tags', 'tags.id', 'article_tags.tag_id').select('article_tags.article_id').where('tags.slug', '=', 'water'))
      .orderBy('articles.published_at', 'desc')
      .execute();
    expect(expected.length).toBeGreaterThan(2);
    expect(posts.map((p: { slug: string }) => p.slug)).toEqual(expected.slice(0, 2).map((r) => r.slug));
    expect(posts.meta.pagination).toMatchObject({ page: 1, limit: 2, total: expected.length, pages: Math.ceil(expected.length / 2), next: 2, prev: null });
    expect(posts[0]!.primary_tag?.slug).toBe('iran');
    expect(posts[0]!.tags!.map((t: { slug: string }) => t.slug)).toContain('water');
    expect(posts[0]!.authors!.map((a: { slug: string }) => a.slug)).toEqual(['leila-navabi', 'sam-ortiz']);
    expect(posts[0]!.primary_author?.name).toBe('Leila Navabi');
  });

  it('@tryghost/content-api: posts.read by slug', async () => {
    const row = await database.current.db.selectFrom('articles').select(['title', 'body_html', 'published_at']).where('slug', '=', 'gulf-ports-freight').executeTakeFirstOrThrow();
    const post = await ghost().posts.read({ slug: 'gulf-ports-freight' }, { formats: ['html', 'plaintext'] });
    expect(post.title).toBe(row.title);
    expect(post.html).toBe(row.body_html);
    expect(post.plaintext).toContain('Body of story');
    expect(post.published_at).toBe(row.published_at!.replace('Z', '+00:00'));
    expect(post.id).toMatch(/^[0-9a-f]{24}$/);
    const again = await ghost().posts.read({ id: post.id });
    expect(again.slug).toBe('gulf-ports-freight');
    await expect(ghost().posts.read({ slug: 'secret-draft' })).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('@tryghost/content-api: tags.browse lists categories and tags', async () => {
    const db = database.current.db;
    const tags = await ghost().tags.browse({ limit: 'all', include: 'count.posts' });
    const names = [...(await db.selectFrom('categories').select('name').execute()), ...(await db.selectFrom('tags').select('name').execute())].map((r) => r.name).sort();
    expect(tags.map((t: { name: string }) => t.name).sort()).toEqual(names);
    const water = tags.find((t: { slug: string }) => t.slug === 'water')!;
    expect(water.count?.posts).toBe(4);
  });

  it('@tryghost/content-api: authors.read', async () => {
    const author = await ghost().authors.read({ slug: 'leila-navabi' });
    const row = await database.current.db.selectFrom('authors').select(['name', 'bio']).where('slug', '=', 'leila-navabi').executeTakeFirstOrThrow();
    expect(author).toMatchObject({ name: row.name, bio: row.bio, slug: 'leila-navabi' });
    expect(JSON.stringify(author)).not.toContain('@');
  });

  it('@tryghost/content-api: a wrong key is refused', async () => {
    const wrong = new GhostContentAPI({ url: origin, key: '0123456789abcdef0123456789', version: 'v5.0' });
    await expect(wrong.posts.browse()).rejects.toMatchObject({ name: 'UnauthorizedError', response: { status: 401 } });
  });

  const wp = () => new WPAPI({ endpoint: `${origin}/wp-json` });

  it('wpapi: posts with search and categories', async () => {
    const db = database.current.db;
    const iran = await db.selectFrom('categories').select('id').where('slug', '=', 'iran').executeTakeFirstOrThrow();
    const posts = await wp().posts().search('running').categories(iran.id).perPage(2);
    const expected = await db
      .selectFrom('articles')
      .select(['id', 'title'])
      .where('primary_category_id', '=', iran.id)
      .where('title', 'like', '%Running%')
      .where('status', '=', 'published')
      .where('published_at', '<=', NOW.toISOString())
      .orderBy('published_at', 'desc')
      .execute();
    expect(expected.length).toBe(3);
    expect(posts.map((p: { id: number }) => p.id)).toEqual(expected.slice(0, 2).map((r) => r.id));
    expect(posts[0].title.rendered).toBe(expected[0]!.title);
    expect(posts._paging).toMatchObject({ total: 3, totalPages: 2 });
    const next = await posts._paging.next;
    expect((await next).map((p: { id: number }) => p.id)).toEqual([expected[2]!.id]);
  });

  it('wpapi: finds the API from the site\'s home page (WPAPI.discover)', async () => {
    const site = await WPAPI.discover(`${origin}/`);
    const posts = await site.posts().perPage(3);
    expect(posts.map((p: { slug: string }) => p.slug)).toEqual(['tehran-reservoir', 'gulf-ports-freight', 'quiet-note']);
    const users = await site.users();
    expect(users.map((u: { slug: string }) => u.slug)).toEqual(['leila-navabi', 'sam-ortiz']);
  });

  it('wpapi: a single post by slug with _embed', async () => {
    const [post] = await wp().posts().slug('tehran-reservoir').embed();
    const row = await database.current.db.selectFrom('articles').select(['id', 'title', 'featured_image_alt']).where('slug', '=', 'tehran-reservoir').executeTakeFirstOrThrow();
    expect(post.id).toBe(row.id);
    expect(post.title.rendered).toBe('Tehran opens new reservoir &amp; pipeline');
    expect(post._embedded.author.map((a: { name: string }) => a.name)).toEqual(['Leila Navabi', 'Sam Ortiz']);
    expect(post._embedded['wp:featuredmedia'][0].alt_text).toBe(row.featured_image_alt);
    expect(post._embedded['wp:term'][0].map((t: { slug: string }) => t.slug)).toEqual(['iran']);
    expect(post._embedded['wp:term'][1].map((t: { slug: string }) => t.slug)).toEqual(['energy', 'water']);
    expect(JSON.stringify(post)).not.toContain('leila-private@example.org');
  });
});
