import { expect, it } from 'vitest';
import { describeEachEngine } from '../helpers/engines.js';
import { NOW } from '../helpers/fixtures.js';
import { useSeededApp } from './api-fixtures.js';

describeEachEngine('WordPress REST API', (engine) => {
  const ctx = useSeededApp(engine);

  const get = (path: string) => ctx.app.inject(`/wp-json${path}`);
  const visiblePosts = () =>
    ctx.database.db.selectFrom('articles').select(['id', 'slug', 'title', 'primary_category_id']).where('type', '=', 'post').where('status', '=', 'published').where('published_at', '<=', NOW.toISOString()).orderBy('published_at', 'desc').orderBy('id', 'desc').execute();

  it('lists posts newest first with X-WP-Total, X-WP-TotalPages and Link', async () => {
    const all = await visiblePosts();
    const r = await get('/wp/v2/posts?per_page=5&page=2');
    expect(r.statusCode).toBe(200);
    expect(r.json().map((p: { id: number }) => p.id)).toEqual(all.slice(5, 10).map((a) => a.id));
    expect(r.headers['x-wp-total']).toBe(String(all.length));
    expect(r.headers['x-wp-totalpages']).toBe(String(Math.ceil(all.length / 5)));
    expect(r.headers.link).toContain('rel="prev"');
    expect(r.headers.link).toContain('page=3');
    expect(r.headers['access-control-expose-headers']).toContain('X-WP-Total');
  });

  it('filters by categories, tags, search and slug', async () => {
    const all = await visiblePosts();
    const { iran, world } = ctx.seeded.categories;
    const inCats = await get(`/wp/v2/posts?categories=${iran},${world}&per_page=100`);
    expect(inCats.json().map((p: { id: number }) => p.id)).toEqual(all.filter((a) => a.primary_category_id === iran || a.primary_category_id === world).map((a) => a.id));
    const bracket = await get(`/wp/v2/posts?categories[]=${iran}&per_page=100`);
    expect(bracket.json().length).toBe(all.filter((a) => a.primary_category_id === iran).length);
    const tagged = await get(`/wp/v2/posts?tags=${ctx.seeded.tags.energy}`);
    expect(tagged.json().map((p: { slug: string }) => p.slug)).toEqual(['tehran-reservoir']);
    const found = await get('/wp/v2/posts?search=RESERVOIR%20monday');
    expect(found.json().map((p: { slug: string }) => p.slug)).toEqual(['tehran-reservoir']);
    const pct = await get('/wp/v2/posts?search=%25');
    expect(pct.json()).toEqual([]);
    const bySlug = await get('/wp/v2/posts?slug=gulf-ports-freight');
    expect(bySlug.json()[0]).toMatchObject({ id: ctx.seeded.articles.wireStory.id, slug: 'gulf-ports-freight', status: 'publish', type: 'post', title: { rendered: 'Gulf ports report record freight' }, categories: [ctx.seeded.categories.iran] });
    expect(bySlug.json()[0].date_gmt).toBe(new Date(NOW.getTime() - 5 * 3_600_000).toISOString().slice(0, 19));
    // Asia/Tehran is UTC+03:30
    expect(bySlug.json()[0].date).toBe(new Date(NOW.getTime() - 5 * 3_600_000 + 3.5 * 3_600_000).toISOString().slice(0, 19));
  });

  it('serves single items, pages, terms, users, comments and media', async () => {
    const post = await get(`/wp/v2/posts/${ctx.seeded.articles.lead.id}`);
    expect(post.json()).toMatchObject({ id: ctx.seeded.articles.lead.id, sticky: true, featured_media: ctx.seeded.articles.lead.id });
    expect([...post.json().tags].sort()).toEqual([ctx.seeded.tags.energy, ctx.seeded.tags.water].sort());
    expect((await get(`/wp/v2/posts/${ctx.seeded.articles.about.id}`)).statusCode).toBe(404);
    const pages = await get('/wp/v2/pages');
    expect(pages.json().map((p: { slug: string }) => p.slug)).toEqual(['about']);
    const cats = await get('/wp/v2/categories?per_page=100');
    const iranCat = cats.json().find((c: { slug: string }) => c.slug === 'iran');
    expect(iranCat).toMatchObject({ id: ctx.seeded.categories.iran, parent: ctx.seeded.categories.middleEast, taxonomy: 'category', link: 'http://masthead.test/category/middle-east/iran/' });
    expect(iranCat.count).toBe((await visiblePosts()).filter((a) => a.primary_category_id === ctx.seeded.categories.iran).length);
    expect((await get(`/wp/v2/tags/${ctx.seeded.tags.water}`)).json()).toMatchObject({ name: 'Water', count: 4, taxonomy: 'post_tag' });
    expect((await get('/wp/v2/tags/999999')).json()).toEqual({ code: 'rest_term_invalid', message: 'Term does not exist.', data: { status: 404 } });
    const users = await get('/wp/v2/users');
    expect(users.json().map((u: { slug: string }) => u.slug)).toEqual(['leila-navabi', 'sam-ortiz']);
    expect(Object.keys(users.json()[0]).sort()).toEqual(['_links', 'avatar_urls', 'description', 'id', 'link', 'meta', 'name', 'slug', 'url']);
    const comments = await get(`/wp/v2/comments?post=${ctx.seeded.articles.lead.id}&order=asc`);
    expect(comments.json().map((c: { author_name: string }) => c.author_name)).toEqual(['Reader One', 'Reader Two', 'Reader Three']);
    expect(comments.json()[1].content.rendered).toBe('<p>A reply &lt;b&gt;bold&lt;/b&gt;</p>\n');
    const media = await get(`/wp/v2/media/${ctx.seeded.articles.lead.id}`);
    expect(media.json()).toMatchObject({ id: ctx.seeded.articles.lead.id, alt_text: 'A reservoir at dusk', media_type: 'image', mime_type: 'image/svg+xml', source_url: 'http://masthead.test/assets/demo/x.svg', media_details: { width: 1200, height: 675 } });
    expect((await get('/wp/v2/media')).headers['x-wp-total']).toBe('1');
  });

  it('discovery at /wp-json/ lists the wp/v2 routes', async () => {
    const r = await get('/');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ name: 'The Test Gazette', namespaces: ['wp/v2'], url: 'http://masthead.test' });
    for (const c of ['posts', 'pages', 'categories', 'tags', 'users', 'comments', 'media']) expect(r.json().routes[`/wp/v2/${c}`]).toBeDefined();
    expect((await get('/wp/v2')).json().namespace).toBe('wp/v2');
  });

  it.each([
    ['/wp/v2/posts?per_page=1000', 400, 'rest_invalid_param', /per_page must be between 1/],
    ['/wp/v2/posts?per_page=0', 400, 'rest_invalid_param', /per_page/],
    ['/wp/v2/posts?page=-1', 400, 'rest_invalid_param', /page/],
    ['/wp/v2/posts?categories=abc', 400, 'rest_invalid_param', /categories must be a list of whole numbers/],
    ['/wp/v2/posts?order=sideways', 400, 'rest_invalid_param', /order must be asc or desc/],
    ['/wp/v2/posts?page=50', 400, 'rest_post_invalid_page_number', /larger than the number of pages/],
    ['/wp/v2/posts/abc', 404, 'rest_no_route', /No route/],
    ['/wp/v2/posts/999999', 404, 'rest_post_invalid_id', /Invalid post ID/],
    ['/wp/v2/users/999999', 404, 'rest_user_invalid_id', /Invalid user ID/],
    ['/wp/v2/nothing', 404, 'rest_no_route', /not found/i],
    ['/wp/v2/posts?key=0123456789abcdef0123456789', 401, 'rest_not_logged_in', /API key is not valid/],
  ])('%s → %i %s', async (path, status, code, message) => {
    const r = await get(path);
    expect(r.statusCode).toBe(status);
    expect(r.headers['content-type']).toContain('application/json');
    const body = r.json();
    expect(body).toMatchObject({ code, data: { status } });
    expect(body.message).toMatch(message);
  });

  it('accepts a live key as Bearer or ?key=, refuses a wrong Bearer', async () => {
    expect((await ctx.app.inject({ url: '/wp-json/wp/v2/posts', headers: { authorization: `Bearer ${ctx.seeded.key}` } })).statusCode).toBe(200);
    expect((await get(`/wp/v2/posts?key=${ctx.seeded.key}`)).statusCode).toBe(200);
    expect((await ctx.app.inject({ url: '/wp-json/wp/v2/posts', headers: { authorization: 'Bearer nope' } })).statusCode).toBe(401);
    expect((await ctx.app.inject({ url: '/wp-json/wp/v2/posts', headers: { authorization: 'Basic dXNlcjpwYXNz' } })).statusCode).toBe(401);
  });
});
