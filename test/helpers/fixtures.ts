import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import { fixedClock, type Clock } from '../../src/clock.js';
import { createArticle, type ArticleInput } from '../../src/content/articles.service.js';
import { createAuthor, createCategory, createSeries, createSource, createTag } from '../../src/content/taxonomy.service.js';
import { createRedirect } from '../../src/content/redirects.js';
import { saveSettings } from '../../src/content/settings.js';
import { insertComment } from '../../src/comments/comments.repository.js';

export const NOW = new Date('2026-11-20T12:00:00.000Z');
const HOUR = 3_600_000;
export const hoursAgo = (h: number) => new Date(NOW.getTime() - h * HOUR).toISOString();

let counter = 0;

/** An article with sensible defaults, published an hour before NOW unless told otherwise. */
export async function makeArticle(db: Kysely<Database>, overrides: Partial<ArticleInput> = {}, clock: Clock = fixedClock(NOW)) {
  counter++;
  return createArticle(
    db,
    {
      title: `Story number ${counter}`,
      body: `Body of story ${counter}.\n\nA second paragraph.`,
      status: 'published',
      publishedAt: hoursAgo(1),
      ...overrides,
    },
    clock,
  );
}

/**
 * A small newsroom with every kind of thing the public pages show:
 * Middle East > Iran, World; an author with credentials; a wire source with
 * canonical pointing at the original; a three-part series; an Arabic story;
 * threaded comments (one held, one spam); a redirect; 5 stories per page.
 */
export async function seedNewsroom(db: Kysely<Database>) {
  const clock = fixedClock(NOW);
  await saveSettings(db, { title: 'The Test Gazette', description: 'Tested news', timezone: 'Asia/Tehran', postsPerPage: 5, menu: [{ label: 'Iran', url: '/category/middle-east/iran/' }] });
  const middleEast = await createCategory(db, { name: 'Middle East', slug: 'middle-east' }, clock);
  const iran = await createCategory(db, { name: 'Iran', slug: 'iran', parentId: middleEast }, clock);
  const world = await createCategory(db, { name: 'World', slug: 'world' }, clock);
  const empty = await createCategory(db, { name: 'Empty Desk', slug: 'empty-desk' }, clock);
  const doctor = await createAuthor(db, { name: 'Leila Navabi', slug: 'leila-navabi', credentials: 'PhD', bio: 'Writes on water.', email: 'leila-private@example.org' }, clock);
  const reporter = await createAuthor(db, { name: 'Sam Ortiz', slug: 'sam-ortiz' }, clock);
  const wire = await createSource(db, { name: 'Harbor Wire', slug: 'harbor-wire', homepageUrl: 'https://harbor.example.com/', canonicalPolicy: 'original' }, clock);
  const hidden = await createSource(db, { name: 'Quiet Wire', slug: 'quiet-wire', showSourceLine: false }, clock);
  const water = await createTag(db, { name: 'Water', slug: 'water' }, clock);
  const energy = await createTag(db, { name: 'Energy', slug: 'energy' }, clock);
  const series = await createSeries(db, { title: 'Running Dry', slug: 'running-dry', description: 'Three parts on water.' }, clock);

  const lead = await makeArticle(db, {
    title: 'Tehran opens new reservoir & pipeline',
    slug: 'tehran-reservoir',
    dek: 'Engineers say the <system> will serve a million homes',
    body: 'The reservoir opened on **Monday**.\n\n<script>alert(1)</script><img src=x onerror=alert(2)>\n\n## What changes\n\nMore water.',
    categoryId: iran,
    authorIds: [doctor, reporter],
    tagIds: [water, energy],
    featured: true,
    publishedAt: hoursAgo(2),
    updatedAt: hoursAgo(1),
    image: { url: '/assets/demo/x.svg', alt: 'A reservoir at dusk', caption: 'The new dam.', credit: 'Photo: Test', width: 1200, height: 675 },
  });
  const wireStory = await makeArticle(db, {
    title: 'Gulf ports report record freight',
    slug: 'gulf-ports-freight',
    categoryId: iran,
    authorIds: [reporter],
    sourceId: wire,
    originalUrl: 'https://harbor.example.com/2026/ports',
    originalAuthor: 'Wire Staff',
    publishedAt: hoursAgo(5),
    kind: 'analysis',
  });
  const quiet = await makeArticle(db, { title: 'Quiet syndicated note', slug: 'quiet-note', categoryId: world, sourceId: hidden, originalUrl: 'https://quiet.example.net/a', publishedAt: hoursAgo(6), authorIds: [reporter] });
  const parts = [];
  for (const part of [1, 2, 3]) {
    parts.push(
      await makeArticle(db, {
        title: `Running Dry part ${part}`,
        slug: `running-dry-${part}`,
        categoryId: iran,
        seriesId: series,
        seriesPart: part,
        authorIds: [doctor],
        tagIds: [water],
        publishedAt: hoursAgo(100 - part),
        kind: part === 2 ? 'opinion' : 'news',
      }),
    );
  }
  const arabic = await makeArticle(db, { title: 'محطة تحلية جديدة على الساحل', slug: 'desalination-ar', lang: 'ar', dir: 'rtl', body: 'افتتحت المحطة **اليوم**.', categoryId: middleEast, authorIds: [reporter], publishedAt: hoursAgo(8) });
  const review = await makeArticle(db, { title: 'A review of the river film', slug: 'river-film-review', kind: 'review', categoryId: world, authorIds: [doctor], publishedAt: hoursAgo(9), commentsEnabled: false });
  // filler to page through: World gets 12 more stories
  for (let i = 0; i < 12; i++) await makeArticle(db, { title: `World brief ${i + 1}`, slug: `world-brief-${i + 1}`, categoryId: world, authorIds: [reporter], publishedAt: hoursAgo(20 + i) });
  const draft = await makeArticle(db, { title: 'Secret draft headline', slug: 'secret-draft', status: 'draft', publishedAt: null, categoryId: iran, authorIds: [reporter] });
  const future = await makeArticle(db, { title: 'Embargoed future story', slug: 'embargoed-future', status: 'published', publishedAt: new Date(NOW.getTime() + 5 * HOUR).toISOString(), categoryId: iran, authorIds: [reporter] });
  const about = await makeArticle(db, { type: 'page', title: 'About the Gazette', slug: 'about', authorIds: [reporter], publishedAt: hoursAgo(500) });

  const c1 = await insertComment(db, { articleId: lead.id, name: 'Reader One', email: 'marker-one@example.org', url: 'https://one.example.org/', body: 'First!\n\nSecond paragraph with https://example.org/link.', status: 'approved', createdAt: hoursAgo(1.5) });
  const c2 = await insertComment(db, { articleId: lead.id, parentId: c1, name: 'Reader Two', email: 'marker-two@example.org', body: 'A reply <b>bold</b>', status: 'approved', createdAt: hoursAgo(1.4) });
  await insertComment(db, { articleId: lead.id, parentId: c2, name: 'Reader Three', email: 'marker-three@example.org', body: 'A reply to the reply', status: 'approved', createdAt: hoursAgo(1.3) });
  await insertComment(db, { articleId: lead.id, name: 'Held Back', email: 'marker-held@example.org', body: 'Held comment text', status: 'pending', createdAt: hoursAgo(1.2) });
  await insertComment(db, { articleId: lead.id, name: 'Spammer', email: 'marker-spam@example.org', body: 'Buy pills', status: 'spam', createdAt: hoursAgo(1.1) });

  await createRedirect(db, { from: '/2019/05/old-reservoir-story/', to: '/tehran-reservoir/' }, clock);
  await createRedirect(db, { from: '/?p=42', to: '/gulf-ports-freight/' }, clock);

  return { categories: { middleEast, iran, world, empty }, authors: { doctor, reporter }, sources: { wire, hidden }, tags: { water, energy }, series, articles: { lead, wireStory, quiet, parts, arabic, review, draft, future, about } };
}
