import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { buildTestApp } from '../helpers/app.js';
import { makeArticle, NOW } from '../helpers/fixtures.js';
import { reindexArticle, rebuildSearchIndex, removeFromIndex } from '../../src/search/search-index.repository.js';
import { searchForAdmin } from '../../src/search/search.service.js';

describeEachEngine('search index kept in sync', (engine) => {
  const database = useTestDatabase(engine);
  let app: FastifyInstance;
  let n = 0;
  const db = () => database.current.db;

  beforeAll(async () => {
    app = await buildTestApp(database.current);
  });
  afterAll(async () => {
    await app?.close();
  });

  async function titles(q: string): Promise<string[]> {
    const res = await app.inject({ method: 'GET', url: `/search/?q=${encodeURIComponent(q)}`, remoteAddress: `10.3.0.${++n}` });
    expect(res.statusCode).toBe(200);
    return parse(res.body).querySelectorAll('.search-result .teaser__title').map((e) => e.textContent.trim());
  }

  it('finds a story as soon as it is created, and never one whose transaction failed', async () => {
    await makeArticle(db(), { title: 'Hydrofoil ferry launched', slug: 'hydrofoil' });
    expect(await titles('hydrofoil')).toEqual(['Hydrofoil ferry launched']);
    await expect(
      db().transaction().execute(async (trx) => {
        await makeArticle(trx as never, { title: 'Zeppelin service announced', slug: 'zeppelin' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await titles('zeppelin')).toEqual([]);
  });

  it('follows edits: reindexArticle in the writer, or a change event as the safety net', async () => {
    const { id } = await makeArticle(db(), { title: 'Monorail plans shelved', slug: 'monorail' });
    await db().updateTable('articles').set({ title: 'Funicular plans revived' }).where('id', '=', id).execute();
    await reindexArticle(db(), id, NOW);
    expect(await titles('monorail')).toEqual([]);
    expect(await titles('funicular')).toEqual(['Funicular plans revived']);

    await db().updateTable('articles').set({ title: 'Gondola plans approved' }).where('id', '=', id).execute();
    app.deps.events.emit({ kind: 'article.updated', tags: [`article:${id}`], articleId: id });
    await new Promise((r) => setTimeout(r, 50)); // the listener reindexes asynchronously
    expect(await titles('gondola')).toEqual(['Gondola plans approved']);
    expect(await titles('funicular')).toEqual([]);
  });

  it('forgets deleted stories, whether removed explicitly or by cascade', async () => {
    const a = await makeArticle(db(), { title: 'Catamaran race results', slug: 'catamaran-a' });
    const b = await makeArticle(db(), { title: 'Catamaran builders busy', slug: 'catamaran-b' });
    await removeFromIndex(db(), a.id);
    await db().deleteFrom('articles').where('id', '=', a.id).execute();
    await db().deleteFrom('articles').where('id', '=', b.id).execute();
    expect(await titles('catamaran')).toEqual([]);
    const terms = await db().selectFrom('search_terms').select('df').where('term', '=', 'catamaran').executeTakeFirst();
    expect(terms?.df ?? 0).toBeLessThanOrEqual(1);
  });

  it('rebuilds the whole index and the word counts', async () => {
    await makeArticle(db(), { title: 'Tramway extension opens', slug: 'tramway-1' });
    await makeArticle(db(), { title: 'Tramway fares frozen', slug: 'tramway-2' });
    await db().deleteFrom('search_documents').execute();
    await db().deleteFrom('search_terms').execute();
    expect(await titles('tramway')).toEqual([]);
    const result = await rebuildSearchIndex(db(), { batchSize: 2, now: NOW });
    const { count } = await db().selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    expect(result.documents).toBe(Number(count));
    expect((await titles('tramway')).sort()).toEqual(['Tramway extension opens', 'Tramway fares frozen']);
    const df = await db().selectFrom('search_terms').select('df').where('term', '=', 'tramway').executeTakeFirstOrThrow();
    expect(Number(df.df)).toBe(2);
  });

  it('indexes the stories of a site that had none indexed, in the background at start', async () => {
    await makeArticle(db(), { title: 'Cable car reopens', slug: 'cable-car' });
    await db().deleteFrom('search_documents').execute();
    const fresh = await buildTestApp(database.current);
    try {
      let found: string[] = [];
      for (let i = 0; i < 100 && found.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 20));
        const res = await fresh.inject({ method: 'GET', url: '/search/?q=cable', remoteAddress: `10.4.0.${i + 1}` });
        found = parse(res.body).querySelectorAll('.search-result .teaser__title').map((e) => e.textContent.trim());
      }
      expect(found).toEqual(['Cable car reopens']);
    } finally {
      await fresh.close();
    }
  });

  it('lets the admin search every status, or only some', async () => {
    await makeArticle(db(), { title: 'Airship hangar draft', slug: 'airship-draft', status: 'draft', publishedAt: null });
    await makeArticle(db(), { title: 'Airship hangar opens', slug: 'airship-live' });
    expect(await titles('airship')).toEqual(['Airship hangar opens']);
    const all = await searchForAdmin(db(), 'airship', { limit: 10, offset: 0 }, NOW);
    expect(all.items.map((i) => [i.title, i.status]).sort()).toEqual([['Airship hangar draft', 'draft'], ['Airship hangar opens', 'published']]);
    expect(all.items[0]!.snippet.length).toBeGreaterThan(0);
    const drafts = await searchForAdmin(db(), 'airship', { statuses: ['draft'], limit: 10, offset: 0 }, NOW);
    expect(drafts.items.map((i) => i.title)).toEqual(['Airship hangar draft']);
    expect(drafts.total).toBe(1);
    const bad = await searchForAdmin(db(), '"((*', { limit: 10, offset: 0 }, NOW);
    expect(bad.items).toEqual([]);
  });
});
