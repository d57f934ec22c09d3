import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { buildTestApp } from '../helpers/app.js';
import { fixedClock } from '../../src/clock.js';
import { importWxr } from '../../src/syndication/wxr/wxr-import.service.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-wxr-edges-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const item = (body: string) => `<item>${body}</item>`;
/** A hand-made export with the awkward cases real ones have: order, encodings, entities. */
const EXPORT = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Edge &amp; Case</title><link>https://old.example</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_blog_url>https://old.example</wp:base_blog_url>
<wp:category><wp:term_id>2</wp:term_id><wp:category_nicename>child</wp:category_nicename><wp:category_parent>parent</wp:category_parent><wp:cat_name>Child</wp:cat_name></wp:category>
<wp:category><wp:term_id>1</wp:term_id><wp:category_nicename>parent</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>Parent</wp:cat_name></wp:category>
${item(`<title>Caf&eacute;&nbsp;news</title><link>https://old.example/2024/05/06/%d8%b3%d9%84%d8%a7%d9%85/</link><dc:creator>ed</dc:creator><content:encoded><![CDATA[First line
second line

A new paragraph.]]></content:encoded><wp:post_id>7</wp:post_id><wp:post_date_gmt>2024-05-06 08:30:00</wp:post_date_gmt><wp:post_name>%d8%b3%d9%84%d8%a7%d9%85</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type><category domain="category" nicename="child">Child</category>
<wp:comment><wp:comment_id>12</wp:comment_id><wp:comment_author>Late Reply</wp:comment_author><wp:comment_author_email>late@reader.example</wp:comment_author_email><wp:comment_date_gmt>2024-05-07 09:00:00</wp:comment_date_gmt><wp:comment_content>I answer 11</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>11</wp:comment_parent></wp:comment>
<wp:comment><wp:comment_id>11</wp:comment_id><wp:comment_author>First</wp:comment_author><wp:comment_author_email>first@reader.example</wp:comment_author_email><wp:comment_date_gmt>2024-05-07 08:00:00</wp:comment_date_gmt><wp:comment_content>Hello</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>
<wp:comment><wp:comment_id>13</wp:comment_id><wp:comment_author>Bot</wp:comment_author><wp:comment_author_email></wp:comment_author_email><wp:comment_date_gmt>2024-05-07 10:00:00</wp:comment_date_gmt><wp:comment_content>pills</wp:comment_content><wp:comment_approved>spam</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>`)}
${item(`<title>Same slug</title><wp:post_id>8</wp:post_id><wp:post_name>same</wp:post_name><wp:status>future</wp:status><wp:post_type>post</wp:post_type><wp:post_date_gmt>2027-01-01 00:00:00</wp:post_date_gmt><content:encoded>x</content:encoded>`)}
${item(`<title>Same slug too</title><wp:post_id>9</wp:post_id><wp:post_name>same</wp:post_name><wp:status>trash</wp:status><wp:post_type>page</wp:post_type><content:encoded>y</content:encoded>`)}
${item(`<title>Menu</title><wp:post_id>10</wp:post_id><wp:status>publish</wp:status><wp:post_type>nav_menu_item</wp:post_type>`)}
</channel></rss>`;

describeEachEngine('WordPress import: awkward exports', (engine) => {
  const database = useTestDatabase(engine);
  const clock = fixedClock('2026-11-20T12:00:00.000Z');

  it('handles entities, encoded slugs, parents after children, replies before their comment and clashing slugs', async () => {
    const db = database.current.db;
    const file = path.join(dir, `edges-${engine}.xml`);
    fs.writeFileSync(file, EXPORT);
    const progress: [string, number, number][] = [];
    const s = await importWxr(db, file, clock, { onProgress: (done, total, phase) => void progress.push([phase, done, total]) });
    // records: 2 categories and 4 items; the bar ends full
    expect(progress.at(-1)).toEqual(['importing', 6, 6]);
    expect(s.created).toMatchObject({ posts: 2, pages: 1, comments: 3, categories: 2 });
    expect(s.skipped).toEqual({ 'post type "nav_menu_item"': 1 });
    const post = await db.selectFrom('articles').selectAll().where('title', '=', 'Caf\u00e9\u00a0news').executeTakeFirstOrThrow();
    expect(post.slug).toBe('\u0633\u0644\u0627\u0645');
    expect(post.published_at).toBe('2024-05-06T08:30:00.000Z');
    expect(post.body_html).toBe('<p>First line<br />\nsecond line</p>\n<p>A new paragraph.</p>');
    const child = await db.selectFrom('categories').selectAll().where('slug', '=', 'child').executeTakeFirstOrThrow();
    const parent = await db.selectFrom('categories').selectAll().where('slug', '=', 'parent').executeTakeFirstOrThrow();
    expect(child.parent_id).toBe(parent.id);
    const comments = await db.selectFrom('comments').selectAll().orderBy('created_at').execute();
    expect(comments.map((c) => [c.author_name, c.status])).toEqual([['First', 'approved'], ['Late Reply', 'approved'], ['Bot', 'spam']]);
    expect(comments[1]!.parent_id).toBe(comments[0]!.id);
    const slugs = await db.selectFrom('articles').select(['slug', 'status', 'type']).where('title', 'like', 'Same slug%').orderBy('title').execute();
    expect(slugs).toEqual([{ slug: 'same', status: 'scheduled', type: 'post' }, { slug: 'same-2', status: 'trash', type: 'page' }]);

    const app = await buildTestApp(database.current);
    try {
      const old = await app.inject({ url: '/2024/05/06/%d8%b3%d9%84%d8%a7%d9%85/' });
      expect(old.statusCode).toBe(301);
      expect(decodeURI(old.headers.location as string)).toBe('/\u0633\u0644\u0627\u0645/');
      expect((await app.inject({ url: '/?p=7' })).headers.location).toBe(old.headers.location);
      const page = await app.inject({ url: old.headers.location as string });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Hello');
      expect(page.body).not.toContain('late@reader.example');
      expect(page.body).not.toContain('pills');
      expect((await app.inject({ url: '/category/parent/child/' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
