import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { insertComment } from '../../src/comments/comments.repository.js';
import { hoursAgo } from '../helpers/fixtures.js';
import { commentHarness, seedCommentDesk } from './comments.fixtures.js';

describeEachEngine('showing comments', (engine) => {
  const database = useTestDatabase(engine);
  let h: Awaited<ReturnType<typeof commentHarness>>;
  let desk: Awaited<ReturnType<typeof seedCommentDesk>>;
  let rich = 0;
  beforeAll(async () => {
    desk = await seedCommentDesk(database.current.db);
    h = await commentHarness(database.current);
    rich = await insertComment(h.db, {
      articleId: desk.story.id,
      name: 'Rich <b>Text</b>',
      email: 'rich@example.net',
      url: 'https://rich.example.net/me',
      body: 'First line\nsecond line\n\nNew paragraph with https://example.org/a?b=1&c=2. And <script>alert(1)</script> <a href="https://evil.test">x</a>',
      status: 'approved',
      createdAt: hoursAgo(1),
    });
    await insertComment(h.db, { articleId: desk.story.id, name: 'Held', email: 'held@example.net', body: 'Still held', status: 'pending', createdAt: hoursAgo(0.5) });
    await insertComment(h.db, { articleId: desk.story.id, name: 'Bad Link', email: 'bad@example.net', url: 'javascript:alert(1)', body: 'Old data with a bad website', status: 'approved', createdAt: hoursAgo(0.4) });
  });
  afterAll(async () => {
    await h?.app.close();
  });

  it('prints plain text: paragraphs and line breaks kept, links marked nofollow ugc, no raw HTML', async () => {
    const doc = parse((await h.get('/river-bridge/')).body);
    const item = doc.querySelector(`#comment-${rich}`)!;
    const paragraphs = item.querySelectorAll('.comment__body p');
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]!.innerHTML).toMatch(/^First line<br\/?>second line$/);
    const links = item.querySelectorAll('.comment__body a');
    // the pasted <a> tag is shown as text; only the web address in it becomes a (nofollow) link
    expect(links.map((a) => [a.getAttribute('href'), a.getAttribute('rel')])).toEqual([
      ['https://example.org/a?b=1&c=2', 'nofollow ugc noopener'],
      ['https://evil.test', 'nofollow ugc noopener'],
    ]);
    expect(item.querySelector('.comment__body script')).toBeNull();
    expect(paragraphs[1]!.text).toContain('<script>alert(1)</script>');
    expect(item.querySelector('.comment__author a')!.getAttribute('rel')).toBe('nofollow ugc noopener');
    expect(item.querySelector('.comment__author')!.text).toBe('Rich <b>Text</b>');
    expect(item.querySelector('.avatar')!.text).toBe('RB');
    expect(doc.querySelector('#comments-title')!.text).toBe('3 Comments');
    expect(doc.querySelector('.comment__author a[href^="javascript"]')).toBeNull();
  });

  it('publishes an RSS 2.0 feed of the approved comments, newest first, without emails', async () => {
    const res = await h.get('/river-bridge/feed/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const xml = parse(res.body, { lowerCaseTagName: false });
    expect(xml.querySelector('rss')!.getAttribute('version')).toBe('2.0');
    expect(xml.querySelector('channel > title')!.text).toBe('Comments on: River bridge reopens');
    const items = xml.querySelectorAll('item');
    const cdata = (s: string) => s.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1');
    expect(items.map((i) => cdata(i.querySelector('title')!.innerHTML))).toEqual(['By: Bad Link', 'By: Rich <b>Text</b>', 'By: Trusted Reader']);
    expect(res.body).toContain(`<link>http://masthead.test/river-bridge/#comment-${rich}</link>`);
    expect(res.body).not.toContain('Still held');
    expect(res.body).not.toMatch(/@example\.(net|org)/);
    expect(res.body).toContain('&lt;script>alert(1)&lt;/script>');
    expect(res.body).not.toContain('<script');
  });

  it('keeps a name holding "]]>" inside its CDATA section', async () => {
    await insertComment(h.db, { articleId: desk.other.id, name: 'x]]><evil/>', email: 'cdata@example.net', body: 'body ]]> text', status: 'approved', createdAt: hoursAgo(1) });
    const body = (await h.get('/market-day/feed/')).body;
    expect(body).not.toMatch(/\]\]><evil/);
    expect(body).toContain('x]]]]><![CDATA[><evil/>');
  });

  it('answers 404 for the feed of a missing story or a page', async () => {
    expect((await h.get('/no-such-story/feed/')).statusCode).toBe(404);
    expect((await h.get('/about-us/feed/')).statusCode).toBe(404);
  });

  it('links a story’s comments feed from nowhere it would leak held comments', async () => {
    const res = await h.get('/market-day/feed/');
    expect(res.statusCode).toBe(200);
    expect(parse(res.body).querySelectorAll('item').length).toBeLessThanOrEqual(1);
  });
});
