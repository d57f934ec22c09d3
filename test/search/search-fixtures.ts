import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import { fixedClock } from '../../src/clock.js';
import { createAuthor, createCategory, createSeries, createTag } from '../../src/content/taxonomy.service.js';
import { saveSettings } from '../../src/content/settings.js';
import { makeArticle, hoursAgo, NOW } from '../helpers/fixtures.js';

const DAY = 24;
const filler = (topic: string) => `Officials discussed the ${topic} at length on Tuesday, and residents asked questions about the schedule, the budget and the contractors involved.`;

/**
 * Stories chosen to test search and related stories: a desalination subject
 * (title hit vs body hit, old vs new), qanats (a subject with a series, a
 * near-duplicate and a draft), an Arabic story with diacritics and hamza,
 * and a newer unrelated story in the same category as the qanat ones.
 */
export async function seedSearchNewsroom(db: Kysely<Database>) {
  const clock = fixedClock(NOW);
  await saveSettings(db, { title: 'Search Gazette', postsPerPage: 3 });
  const science = await createCategory(db, { name: 'Science', slug: 'science' }, clock);
  const politics = await createCategory(db, { name: 'Politics', slug: 'politics' }, clock);
  const arabic = await createCategory(db, { name: 'عربي', slug: 'arabic' }, clock);
  const maryam = await createAuthor(db, { name: 'Maryam Haddad', slug: 'maryam-haddad' }, clock);
  const john = await createAuthor(db, { name: 'John Smith', slug: 'john-smith' }, clock);
  const water = await createTag(db, { name: 'Water', slug: 'water' }, clock);
  const irrigation = await createTag(db, { name: 'Irrigation', slug: 'irrigation' }, clock);
  const series = await createSeries(db, { title: 'Under the Desert', slug: 'under-the-desert' }, clock);

  const a = {
    titleHit: await makeArticle(db, { title: 'Desalination plant opens on the coast', slug: 'desal-title', body: `${filler('plant')}\n\nThe plant turns seawater into drinking water.`, categoryId: science, authorIds: [maryam], tagIds: [water], publishedAt: hoursAgo(10 * DAY) }),
    bodyHit: await makeArticle(db, { title: 'Coastal towns count the cost of summer', slug: 'desal-body', body: `${filler('summer')}\n\nOne mayor mentioned desalination in passing.`, categoryId: politics, authorIds: [john], publishedAt: hoursAgo(10 * DAY) }),
    oldTwin: await makeArticle(db, { title: 'Solar farm approved near the border', slug: 'solar-old', body: `${filler('solar farm')}\n\nThe solar farm will power ten thousand homes.`, categoryId: politics, authorIds: [john], publishedAt: hoursAgo(400 * DAY) }),
    newTwin: await makeArticle(db, { title: 'Solar farm approved near the river', slug: 'solar-new', body: `${filler('solar farm')}\n\nThe solar farm will power ten thousand homes.`, categoryId: politics, authorIds: [maryam], publishedAt: hoursAgo(2 * DAY) }),
    farmApart: await makeArticle(db, { title: 'A farm without panels', slug: 'farm-apart', body: 'The farm grows dates. Nearby, solar panels are for sale.', categoryId: politics, authorIds: [john], publishedAt: hoursAgo(3 * DAY) }),
    escaping: await makeArticle(db, { title: 'Pipes and prices', slug: 'pipes-prices', body: 'Engineers wrote that 5 < 6 & "quotes" matter for <img src=x onerror=alert(1)> the pipeline costs.', categoryId: science, authorIds: [john], publishedAt: hoursAgo(4 * DAY) }),
    arabic: await makeArticle(db, { title: 'مُؤْتَمَرُ الطّاقـــة في الإمارات', slug: 'ar-energy', lang: 'ar', dir: 'rtl', body: 'قالَ أَحْمَد إنّ المحطة الجديدة ستعمل على الطاقة الشمسية في مدينةٍ ساحلية.', categoryId: arabic, authorIds: [maryam], publishedAt: hoursAgo(5 * DAY) }),
    draft: await makeArticle(db, { title: 'Desalination draft never published', slug: 'desal-draft', status: 'draft', publishedAt: null, categoryId: science, authorIds: [maryam] }),
  };

  // the qanat subject: several stories on it in Science, and a newer unrelated one there too
  const qanatBody = (angle: string) =>
    `${angle}\n\nA qanat is a gently sloping tunnel that carries groundwater from an aquifer to the surface by gravity. The Gonabad qanat is among the oldest, and hydrologists from Yazd still map its vertical shafts and kariz channels.`;
  const q = {
    subject: await makeArticle(db, { title: 'Mapping the qanats of Yazd', slug: 'qanat-yazd', body: qanatBody('Surveyors spent a winter underground.'), categoryId: science, authorIds: [maryam], tagIds: [irrigation], publishedAt: hoursAgo(30 * DAY) }),
    sibling: await makeArticle(db, { title: 'Why the Gonabad qanat still flows', slug: 'qanat-gonabad', body: qanatBody('Farmers downstream depend on it.'), categoryId: politics, authorIds: [john], tagIds: [irrigation], publishedAt: hoursAgo(60 * DAY) }),
    cousin: await makeArticle(db, { title: 'Kariz tunnels in Turpan', slug: 'kariz-turpan', body: 'In Turpan the kariz tunnels bring aquifer water by gravity, much like a qanat, through vertical shafts dug by hand.', categoryId: science, authorIds: [john], publishedAt: hoursAgo(90 * DAY) }),
    duplicate: await makeArticle(db, { title: 'Mapping the qanats of Yazd (wire copy)', slug: 'qanat-yazd-wire', body: qanatBody('Surveyors spent a winter underground.'), categoryId: science, authorIds: [john], publishedAt: hoursAgo(29 * DAY) }),
    draft: await makeArticle(db, { title: 'Qanat draft about Yazd shafts', slug: 'qanat-draft', status: 'draft', publishedAt: null, body: qanatBody('Not ready.'), categoryId: science, authorIds: [maryam] }),
    part1: await makeArticle(db, { title: 'Under the Desert, part 1: the aquifer', slug: 'desert-1', body: qanatBody('Part one follows the aquifer from the mountains, where snowmelt seeps into gravel beds and slowly recharges the water table that every village below depends on.'), categoryId: science, seriesId: series, seriesPart: 1, authorIds: [maryam], publishedAt: hoursAgo(20 * DAY) }),
    part2: await makeArticle(db, { title: 'Under the Desert, part 2: the shafts', slug: 'desert-2', body: qanatBody('Part two descends with the muqanni, the diggers who clean silt by lamplight and inherit their trade from their fathers and grandfathers.'), categoryId: science, seriesId: series, seriesPart: 2, authorIds: [maryam], publishedAt: hoursAgo(19 * DAY) }),
    unrelatedNewer: await makeArticle(db, { title: 'Football league expands to twelve teams', slug: 'football-league', body: 'The league voted to add two teams next season, with a new stadium planned in the capital.', categoryId: science, authorIds: [john], publishedAt: hoursAgo(1 * DAY) }),
  };
  // something for the category fallback: a story whose words appear nowhere else
  const lonely = await makeArticle(db, { title: 'Zyxwv quorble', slug: 'lonely', body: 'Blorptastic frimbles.', categoryId: politics, authorIds: [john], publishedAt: hoursAgo(6 * DAY) });

  return { categories: { science, politics, arabic }, authors: { maryam, john }, tags: { water, irrigation }, series, articles: { ...a, ...q, lonely }, qanat: q };
}
