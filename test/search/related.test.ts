import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse, type HTMLElement } from 'node-html-parser';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { buildTestApp } from '../helpers/app.js';
import { makeArticle, hoursAgo } from '../helpers/fixtures.js';
import { seedSearchNewsroom } from './search-fixtures.js';

const text = (el: HTMLElement | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describeEachEngine('related stories', (engine) => {
  const database = useTestDatabase(engine);
  let app: FastifyInstance;
  let seeded: Awaited<ReturnType<typeof seedSearchNewsroom>>;

  beforeAll(async () => {
    seeded = await seedSearchNewsroom(database.current.db);
    app = await buildTestApp(database.current);
  });
  afterAll(async () => {
    await app?.close();
  });

  async function teased(slug: string) {
    const res = await app.inject({ method: 'GET', url: `/${slug}/` });
    expect(res.statusCode).toBe(200);
    const doc = parse(res.body);
    const checkAlso = text(doc.querySelector('.check-also .teaser__title'));
    const related = doc.querySelectorAll('.related .teaser__title').map(text);
    return { checkAlso, related, all: [checkAlso, ...related] };
  }

  const QANAT = ['Why the Gonabad qanat still flows', 'Kariz tunnels in Turpan', 'Under the Desert, part 1: the aquifer', 'Under the Desert, part 2: the shafts'];

  it('relates a story to the others on its subject over a newer unrelated one in its category', async () => {
    const { checkAlso, related, all } = await teased('qanat-yazd');
    expect(QANAT).toContain(checkAlso);
    expect(related.length).toBeGreaterThanOrEqual(3);
    expect(related.length).toBeLessThanOrEqual(5);
    // every story on the subject comes before the newer football story, which only fills in
    const football = all.indexOf('Football league expands to twelve teams');
    for (const title of QANAT) {
      expect(all, title).toContain(title);
      if (football !== -1) expect(all.indexOf(title)).toBeLessThan(football);
    }
  });

  it('leaves out the story itself, drafts and near-duplicates', async () => {
    const { all } = await teased('qanat-yazd');
    expect(all).not.toContain('Mapping the qanats of Yazd');
    expect(all).not.toContain('Qanat draft about Yazd shafts');
    expect(all).not.toContain('Mapping the qanats of Yazd (wire copy)');
  });

  it('leaves out the other parts of the same series, and shows a story filed twice once', async () => {
    const { checkAlso, all } = await teased('desert-1');
    expect(all).not.toContain('Under the Desert, part 2: the shafts');
    expect(all.filter((t) => t.startsWith('Mapping the qanats of Yazd'))).toHaveLength(1);
    expect(['Mapping the qanats of Yazd', 'Why the Gonabad qanat still flows', 'Kariz tunnels in Turpan', 'Mapping the qanats of Yazd (wire copy)']).toContain(checkAlso);
  });

  it('falls back to the newest stories in the category when nothing relates', async () => {
    const { checkAlso, all } = await teased('lonely');
    expect(checkAlso).toBe('Solar farm approved near the river');
    expect(all).not.toContain('Zyxwv quorble');
    expect(all.slice(0, 2)).toEqual(['Solar farm approved near the river', 'A farm without panels']);
  });

  it('refreshes when a story changes: a new story on the subject appears, one taken down disappears', async () => {
    const before = await teased('kariz-turpan');
    expect(before.all).not.toContain('Kariz and qanat: Turpan hydrologists map aquifer shafts');
    const created = await makeArticle(database.current.db, {
      title: 'Kariz and qanat: Turpan hydrologists map aquifer shafts',
      slug: 'kariz-new',
      body: 'Turpan kariz tunnels and the Gonabad qanat share vertical shafts, aquifer water and gravity; hydrologists from Yazd compare them.',
      categoryId: seeded.categories.science,
      tagIds: [seeded.tags.irrigation],
      publishedAt: hoursAgo(1),
    });
    app.deps.events.emit({ kind: 'article.published', tags: [`article:${created.id}`], articleId: created.id });
    const after = await teased('kariz-turpan');
    expect(after.checkAlso).toBe('Kariz and qanat: Turpan hydrologists map aquifer shafts');

    await database.current.db.updateTable('articles').set({ status: 'draft' }).where('id', '=', created.id).execute();
    app.deps.events.emit({ kind: 'article.unpublished', tags: [`article:${created.id}`], articleId: created.id });
    await new Promise((r) => setImmediate(r)); // the listener's reindex runs after emit returns
    const gone = await teased('kariz-turpan');
    expect(gone.all).not.toContain('Kariz and qanat: Turpan hydrologists map aquifer shafts');
  });
});
