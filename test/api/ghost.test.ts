import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { buildTestApp } from '../helpers/app.js';
import { NOW, makeArticle } from '../helpers/fixtures.js';
import { createAuthor } from '../../src/content/taxonomy.service.js';
import { fixedClock } from '../../src/clock.js';
import { seedApi } from './api-fixtures.js';

const BASE = '/ghost/api/content';

describeEachEngine('Ghost Content API', (engine) => {
  const database = useTestDatabase(engine);
  let app: FastifyInstance;
  let key: string;
  let seeded: Awaited<ReturnType<typeof seedApi>>;

  beforeAll(async () => {
    seeded = await seedApi(database.current.db);
    key = seeded.key;
    // an author whose only story is a draft: never listed
    const hidden = await createAuthor(database.current.db, { name: 'Draft Only', slug: 'draft-only' }, fixedClock(NOW));
    await makeArticle(database.current.db, { title: 'Another draft', status: 'draft', publishedAt: null, authorIds: [hidden] });
    app = await buildTestApp(database.current);
  });
  afterAll(async () => {
    await app?.close();
  });

  const get = (path: string) => app.inject(`${BASE}${path}${path.includes('?') ? '&' : '?'}key=${key}`);
  const slugs = async (path: string) => {
    const r = await get(path);
    expect(r.statusCode, r.body).toBe(200);
    return (r.json().posts as { slug: string }[]).map((p) => p.slug);
  };
  /** Visible posts' slugs from the database, newest first, narrowed by `where`. */
  const expectedSlugs = async (where: (slug: string, row: { featured: number; published_at: string | null }) => boolean | Promise<boolean>) => {
    const rows = await database.current.db.selectFrom('articles').select(['slug', 'featured', 'published_at']).where('type', '=', 'post').where('status', '=', 'published').where('published_at', '<=', NOW.toISOString()).orderBy('published_at', 'desc').orderBy('id', 'desc').execute();
    const out = [];
    for (const r of rows) if (await where(r.slug, r)) out.push(r.slug);
    return out;
  };
  const tagSlugsOf = async (slug: string) => {
    const rows = await database.current.db.selectFrom('articles').innerJoin('article_tags', 'article_tags.article_id', 'articles.id').innerJoin('tags', 'tags.id', 'article_tags.tag_id').select('tags.slug').where('articles.slug', '=', slug).execute();
    return rows.map((r) => r.slug);
  };
  const categoryOf = async (slug: string) => (await database.current.db.selectFrom('articles').leftJoin('categories', 'categories.id', 'articles.primary_category_id').select('categories.slug').where('articles.slug', '=', slug).executeTakeFirst())?.slug ?? null;
  const authorSlugsOf = async (slug: string) => (await database.current.db.selectFrom('articles').innerJoin('article_authors', 'article_authors.article_id', 'articles.id').innerJoin('authors', 'authors.id', 'article_authors.author_id').select('authors.slug').where('articles.slug', '=', slug).orderBy('article_authors.position').execute()).map((r) => r.slug);

  it('needs a key: none is 403, an unknown one 401, in Ghost\'s error shape, as JSON with CORS', async () => {
    const none = await app.inject(`${BASE}/posts/`);
    expect(none.statusCode).toBe(403);
    expect(none.headers['content-type']).toContain('application/json');
    expect(none.headers['access-control-allow-origin']).toBe('*');
    expect(none.json().errors[0]).toMatchObject({ type: 'NoPermissionError' });
    for (const bad of ['0123456789abcdef0123456789', 'not-a-key', key.toUpperCase(), `${key}0`]) {
      const r = await app.inject(`${BASE}/posts/?key=${encodeURIComponent(bad)}`);
      expect(r.statusCode).toBe(401);
      expect(r.json()).toEqual({ errors: [expect.objectContaining({ message: 'Unknown Content API Key', type: 'UnauthorizedError' })] });
    }
  });

  it('filters posts by tag, tags list, primary_tag, author, featured, dates, with + and ,', async () => {
    expect(await slugs('/posts/?filter=tag:water&limit=all')).toEqual(await expectedSlugs(async (s) => (await tagSlugsOf(s)).includes('water')));
    expect(await slugs('/posts/?filter=tags:[water,energy]&limit=all')).toEqual(await expectedSlugs(async (s) => (await tagSlugsOf(s)).some((t) => t === 'water' || t === 'energy')));
    expect(await slugs('/posts/?filter=tag:-water&limit=all')).toEqual(await expectedSlugs(async (s) => !(await tagSlugsOf(s)).includes('water')));
    // categories are Ghost tags too: the primary category is the primary tag
    expect(await slugs('/posts/?filter=primary_tag:iran&limit=all')).toEqual(await expectedSlugs(async (s) => (await categoryOf(s)) === 'iran'));
    expect(await slugs('/posts/?filter=tag:world&limit=all')).toEqual(await expectedSlugs(async (s) => (await categoryOf(s)) === 'world'));
    expect(await slugs('/posts/?filter=author:sam-ortiz&limit=all')).toEqual(await expectedSlugs(async (s) => (await authorSlugsOf(s)).includes('sam-ortiz')));
    expect(await slugs('/posts/?filter=primary_author:sam-ortiz&limit=all')).toEqual(await expectedSlugs(async (s) => (await authorSlugsOf(s))[0] === 'sam-ortiz'));
    expect(await slugs('/posts/?filter=featured:true')).toEqual(await expectedSlugs((_s, r) => r.featured === 1));
    const since = new Date(NOW.getTime() - 7 * 3_600_000).toISOString();
    expect(await slugs(`/posts/?filter=${encodeURIComponent(`published_at:>'${since.slice(0, 19).replace('T', ' ')}'`)}&limit=all`)).toEqual(await expectedSlugs((_s, r) => r.published_at! > since));
    const and = await slugs(`/posts/?filter=${encodeURIComponent('tag:water+author:leila-navabi+featured:false')}&limit=all`);
    expect(and).toEqual(await expectedSlugs(async (s, r) => (await tagSlugsOf(s)).includes('water') && (await authorSlugsOf(s)).includes('leila-navabi') && r.featured === 0));
    expect(and.length).toBeGreaterThan(0);
    const or = await slugs(`/posts/?filter=${encodeURIComponent('featured:true,primary_tag:world+author:leila-navabi')}&limit=all`);
    expect(or).toEqual(await expectedSlugs(async (s, r) => r.featured === 1 || ((await categoryOf(s)) === 'world' && (await authorSlugsOf(s)).includes('leila-navabi'))));
    expect(or).toContain('river-film-review');
  });

  it('pages through posts with meta.pagination, limit=all and order', async () => {
    const all = await expectedSlugs(() => true);
    const p2 = await get('/posts/?limit=5&page=2&fields=slug');
    expect(p2.json().posts.map((p: { slug: string }) => p.slug)).toEqual(all.slice(5, 10));
    expect(p2.json().meta.pagination).toEqual({ page: 2, limit: 5, pages: Math.ceil(all.length / 5), total: all.length, next: 3, prev: 1 });
    const everything = await get('/posts/?limit=all&fields=slug');
    expect(everything.json().posts).toHaveLength(all.length);
    expect(everything.json().meta.pagination).toMatchObject({ limit: 'all', pages: 1, total: all.length });
    const past = await get('/posts/?limit=5&page=99');
    expect(past.statusCode).toBe(200);
    expect(past.json().posts).toEqual([]);
    const byTitle = await get('/posts/?order=title%20asc&limit=all&fields=title');
    const titles = byTitle.json().posts.map((p: { title: string }) => p.title);
    expect(titles).toHaveLength(all.length);
    expect(titles[0]).toBe('A review of the river film');
  });

  it('fields, formats and include shape each post', async () => {
    const r = await get('/posts/slug/tehran-reservoir/?fields=title,url&include=tags');
    const [post] = r.json().posts;
    expect(Object.keys(post).sort()).toEqual(['primary_tag', 'tags', 'title', 'url']);
    const plain = (await get('/posts/slug/tehran-reservoir/?formats=plaintext')).json().posts[0];
    expect(plain.html).toBeUndefined();
    expect(plain.plaintext).toContain('The reservoir opened on Monday.');
    expect(plain.plaintext).not.toContain('<');
    const bare = (await get('/posts/slug/tehran-reservoir/')).json().posts[0];
    expect(bare.tags).toBeUndefined();
    expect(bare.authors).toBeUndefined();
    expect(bare.html).toContain('<strong>Monday</strong>');
    expect(bare.html).not.toContain('<script');
  });

  it('reads posts, pages, tags and authors by id and by slug; posts and pages stay apart', async () => {
    const post = (await get('/posts/slug/gulf-ports-freight/')).json().posts[0];
    expect((await get(`/posts/${post.id}/`)).json().posts[0].slug).toBe('gulf-ports-freight');
    expect((await get('/posts/slug/about/')).statusCode).toBe(404);
    const page = (await get('/pages/slug/about/')).json().pages[0];
    expect(page.title).toBe('About the Gazette');
    expect((await get(`/pages/${page.id}/`)).json().pages[0].slug).toBe('about');
    expect((await get(`/posts/${page.id}/`)).statusCode).toBe(404);
    expect((await get('/pages/')).json().pages.map((p: { slug: string }) => p.slug)).toEqual(['about']);
    const tag = (await get('/tags/slug/water/')).json().tags[0];
    expect((await get(`/tags/${tag.id}/`)).json().tags[0].name).toBe('Water');
    const category = (await get('/tags/slug/iran/')).json().tags[0];
    expect(category.url).toBe('http://masthead.test/category/middle-east/iran/');
    const author = (await get('/authors/slug/sam-ortiz/?include=count.posts')).json().authors[0];
    expect((await get(`/authors/${author.id}/`)).json().authors[0].slug).toBe('sam-ortiz');
    const samPosts = await expectedSlugs(async (s) => (await authorSlugsOf(s)).includes('sam-ortiz'));
    expect(author.count.posts).toBe(samPosts.length);
    const missing = await get('/posts/0123456789abcdef01234567/');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().errors[0]).toMatchObject({ type: 'NotFoundError', message: 'Post not found.' });
  });

  it('lists only authors with published work, and never their emails', async () => {
    const r = await get('/authors/?limit=all');
    expect(r.json().authors.map((a: { slug: string }) => a.slug)).toEqual(['leila-navabi', 'sam-ortiz']);
    expect((await get('/authors/slug/draft-only/')).statusCode).toBe(404);
    expect(r.body).not.toContain('@');
  });

  it('answers settings', async () => {
    const r = await get('/settings/');
    expect(r.json().settings).toMatchObject({ title: 'The Test Gazette', description: 'Tested news', timezone: 'Asia/Tehran', navigation: [{ label: 'Iran', url: '/category/middle-east/iran/' }], url: 'http://masthead.test/' });
  });

  it.each([
    ['/posts/?filter=tag:', /expected a value/],
    ['/posts/?filter=nope:1', /filter field "nope" is not supported for posts/],
    ['/posts/?filter=featured:maybe', /true or false/],
    ["/posts/?filter=published_at:>'yesterday'", /needs a date/],
    ['/posts/?filter=tag:>a', /can only be matched/],
    ['/tags/?filter=featured:true', /not supported for tags/],
    ['/posts/?limit=1000', /limit must be a number from 1 to 100/],
    ['/posts/?limit=0', /limit must be/],
    ['/posts/?limit=ten', /limit must be/],
    ['/posts/?page=0', /page must be/],
    ['/posts/?fields=title,password', /"password" is not a field of posts/],
    ['/posts/?include=comments', /include "comments" is not supported/],
    ['/posts/?formats=mobiledoc', /formats "mobiledoc" is not supported/],
    ['/posts/?order=author%20asc', /order by "author" is not supported/],
    ['/posts/?order=title%20sideways', /order "title sideways" is not valid/],
    ['/authors/?fields=email', /"email" is not a field of authors/],
  ])('refuses %s with 400 and a message', async (path, message) => {
    const r = await get(path);
    expect(r.statusCode).toBe(400);
    const [error] = r.json().errors;
    expect(error.type).toBe('BadRequestError');
    expect(error.message).toMatch(message);
  });

  it('answers unknown routes with a JSON 404 and CORS preflights with 204', async () => {
    const r = await get('/nonsense/');
    expect(r.statusCode).toBe(404);
    expect(r.json().errors[0].type).toBe('NotFoundError');
    const pre = await app.inject({ method: 'OPTIONS', url: `${BASE}/posts/`, headers: { origin: 'https://app.example', 'access-control-request-method': 'GET' } });
    expect(pre.statusCode).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe('*');
    expect(pre.headers['access-control-allow-methods']).toContain('GET');
  });
});
