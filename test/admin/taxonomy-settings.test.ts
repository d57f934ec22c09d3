import { beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { buildTestApp } from '../helpers/app.js';
import type { ChangeEvent } from '../../src/events.js';
import { makeArticle } from '../helpers/fixtures.js';
import { Client, makeUser, signedIn } from './admin-fixtures.js';

describeEachEngine('taxonomy and settings in the admin', (engine) => {
  const database = useTestDatabase(engine);
  let app: FastifyInstance;
  let editor: Client;
  let admin: Client;
  const events: ChangeEvent[] = [];

  beforeAll(async () => {
    app = await buildTestApp(database.current);
    app.deps.events.on((e) => void events.push(e));
    editor = await signedIn(app, (await makeUser(database.current.db, 'editor')).email);
    admin = await signedIn(app, (await makeUser(database.current.db, 'admin')).email);
  });

  const idOf = async (table: 'categories' | 'tags' | 'sources' | 'series' | 'authors', slug: string) => (await database.current.db.selectFrom(table).select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;

  it('adds a category under a parent, which readers then find at its nested address', async () => {
    await editor.get('/admin/categories/');
    expect((await editor.post('/admin/categories/', { name: 'Middle East' })).statusCode).toBe(200);
    const parent = await idOf('categories', 'middle-east');
    const res = await editor.post('/admin/categories/', { name: 'Iran', parentId: String(parent) });
    expect(res.body).toContain('Added category “Iran”');
    const iran = await idOf('categories', 'iran');
    await makeArticle(database.current.db, { title: 'Tehran water story', categoryId: iran });
    expect((await app.inject({ url: '/category/middle-east/iran/' })).body).toContain('Tehran water story');
    expect(events.some((e) => e.kind === 'taxonomy.changed' && e.tags.includes(`category:${iran}`))).toBe(true);
  });

  it('refuses a category under its own child, a duplicate slug, and an empty name, keeping the input', async () => {
    const parent = await idOf('categories', 'middle-east');
    const child = await idOf('categories', 'iran');
    await editor.get(`/admin/categories/${parent}`);
    const cycle = await editor.post(`/admin/categories/${parent}`, { name: 'Middle East', slug: 'middle-east', parentId: String(child) });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.body).toContain('cannot sit under itself or one of its children');
    const dup = await editor.post('/admin/tags/', { name: 'Something', slug: 'iran' });
    expect(dup.statusCode).toBe(200);
    const dupCat = await editor.post('/admin/categories/', { name: 'Persia', slug: 'iran' });
    expect(dupCat.statusCode).toBe(400);
    expect(dupCat.body).toContain('Another category already uses the slug “iran”');
    expect(dupCat.body).toContain('value="Persia"');
    const empty = await editor.post('/admin/series/', { title: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('a name is required');
    const badUrl = await editor.post('/admin/sources/', { name: 'Wire', homepageUrl: 'javascript:alert(1)' });
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.body).toContain('must be an http(s) URL');
  });

  it('edits and deletes tags, sources, series and author profiles; stories survive their taxonomy', async () => {
    await editor.get('/admin/sources/');
    await editor.post('/admin/sources/', { name: 'Harbor Wire', homepageUrl: 'https://harbor.example.com/', showSourceLine: '1', canonicalPolicy: 'original' });
    const source = await idOf('sources', 'harbor-wire');
    const row = await database.current.db.selectFrom('sources').selectAll().where('id', '=', source).executeTakeFirstOrThrow();
    expect([row.show_source_line, row.canonical_policy]).toEqual([1, 'original']);
    await editor.post(`/admin/sources/${source}`, { name: 'Harbour Wire', slug: 'harbor-wire', homepageUrl: '', canonicalPolicy: 'self' });
    expect((await database.current.db.selectFrom('sources').select(['name', 'show_source_line']).where('id', '=', source).executeTakeFirstOrThrow())).toEqual({ name: 'Harbour Wire', show_source_line: 0 });
    await editor.post('/admin/authors/', { name: 'Leila Navabi', credentials: 'PhD', email: 'leila@example.org' });
    const author = await idOf('authors', 'leila-navabi');
    const story = await makeArticle(database.current.db, { title: 'Story by Leila', authorIds: [author], sourceId: source });
    expect((await app.inject({ url: '/author/leila-navabi/' })).body).toContain('Story by Leila');
    const del = await editor.post(`/admin/authors/${author}/delete`, {});
    expect(del.body).toContain('Deleted author “Leila Navabi”');
    expect((await app.inject({ url: `/${story.slug}/` })).statusCode).toBe(200);
    expect((await app.inject({ url: '/author/leila-navabi/' })).statusCode).toBe(404);
    expect((await editor.get('/admin/tags/999999')).statusCode).toBe(404);
    expect((await editor.get('/admin/tags/abc')).statusCode).toBe(404);
  });

  it('saves site settings that readers see, and refuses bad values with a message per field', async () => {
    await admin.get('/admin/settings');
    const good = { title: 'The Harbour Gazette', description: 'Coastal news', logoUrl: '', language: 'en', direction: 'ltr', timezone: 'Asia/Tehran', menu: 'Iran | /category/middle-east/iran/\nAbout | https://example.org/about', postsPerPage: '7', commentThreadDepth: '3', commentModeration: 'closed' };
    const res = await admin.post('/admin/settings', good);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Settings saved.');
    const home = await app.inject({ url: '/' });
    expect(home.body).toContain('<title>The Harbour Gazette</title>');
    expect(home.body).toContain('href="/category/middle-east/iran/"');
    expect(events.some((e) => e.kind === 'settings.changed')).toBe(true);
    const bad = await admin.post('/admin/settings', { ...good, title: 'Kept title', timezone: 'Mars/Olympus', menu: 'Evil | javascript:alert(1)' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('timezone must be an IANA time zone');
    expect(bad.body).toContain('value="Kept title"');
    expect((await app.inject({ url: '/' })).body).toContain('<title>The Harbour Gazette</title>');
  });
});
