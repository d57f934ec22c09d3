import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { insertComment } from '../../src/comments/comments.repository.js';
import { countByStatus, editComment, listForModeration, moderate, replyAsModerator } from '../../src/comments/comments.moderation.js';
import { hoursAgo } from '../helpers/fixtures.js';
import { commentHarness, seedCommentDesk, statusOf } from './comments.fixtures.js';

describeEachEngine('moderating comments', (engine) => {
  const database = useTestDatabase(engine);
  let h: Awaited<ReturnType<typeof commentHarness>>;
  let desk: Awaited<ReturnType<typeof seedCommentDesk>>;
  const held: number[] = [];
  beforeAll(async () => {
    desk = await seedCommentDesk(database.current.db);
    h = await commentHarness(database.current);
    for (const n of [1, 2, 3]) held.push(await insertComment(h.db, { articleId: desk.story.id, name: `Waiting ${n}`, email: `waiting-${n}@example.net`, body: `Held words ${n}`, status: 'pending', createdAt: hoursAgo(1) }));
  });
  afterAll(async () => {
    await h?.app.close();
  });

  const page = async () => parse((await h.get('/river-bridge/')).body);

  it('approves a held comment: it appears on the story and the change event names the story’s pages', async () => {
    expect((await page()).querySelector(`#comment-${held[0]}`)).toBeNull();
    const before = h.events.length;
    const result = await moderate(h.db, h.app.deps.events, h.clock, 'approve', [held[0]!]);
    expect(result).toEqual({ changed: [held[0]], missing: [] });
    const event = h.events.slice(before).find((e) => e.kind === 'comment.approved')!;
    expect(event.commentId).toBe(held[0]);
    expect(event.articleId).toBe(desk.story.id);
    expect(event.tags).toEqual(expect.arrayContaining([`article:${desk.story.id}`, `list:category:${desk.category}`, `list:tag:${desk.tag}`, `list:author:${desk.author}`, 'lists']));
    expect((await page()).querySelector(`#comment-${held[0]} .comment__body`)!.text).toContain('Held words 1');
  });

  it('approves in bulk, reports unknown ids, and does nothing twice', async () => {
    const before = h.events.length;
    const result = await moderate(h.db, h.app.deps.events, h.clock, 'approve', [held[0]!, held[1]!, held[2]!, 999_999]);
    expect(result.changed).toEqual([held[1], held[2]]);
    expect(result.missing).toEqual([999_999]);
    expect(h.events.slice(before).filter((e) => e.kind === 'comment.approved')).toHaveLength(2);
  });

  it('takes a comment down as spam or trash, announcing it, and restores it to the queue', async () => {
    const before = h.events.length;
    await moderate(h.db, h.app.deps.events, h.clock, 'spam', [held[1]!]);
    await moderate(h.db, h.app.deps.events, h.clock, 'trash', [held[2]!]);
    expect(h.events.slice(before).filter((e) => e.kind === 'comment.changed').map((e) => e.commentId)).toEqual([held[1], held[2]]);
    const doc = await page();
    expect(doc.querySelector(`#comment-${held[1]}`)).toBeNull();
    expect(doc.querySelector(`#comment-${held[2]}`)).toBeNull();
    await moderate(h.db, h.app.deps.events, h.clock, 'restore', [held[1]!, held[2]!]);
    expect(await statusOf(h.db, held[1]!)).toBe('pending');
    expect(await statusOf(h.db, held[2]!)).toBe('pending');
  });

  it('counts each folder and lists a folder newest first, with the email for moderators', async () => {
    const counts = await countByStatus(h.db);
    expect(counts).toEqual({ pending: 2, approved: 2, spam: 0, trash: 0 });
    const pending = await listForModeration(h.db, { status: 'pending' });
    expect(pending.map((c) => c.id).sort()).toEqual([held[1], held[2]].sort());
    expect(pending[0]!.authorEmail).toMatch(/^waiting-\d@example\.net$/);
    expect(pending[0]!.articleSlug).toBe('river-bridge');
  });

  it('edits a comment under the form’s rules, and refuses a bad edit', async () => {
    await editComment(h.db, h.app.deps.events, h.clock, held[0]!, { name: 'Edited Name', email: 'waiting-1@example.net', url: '', comment: 'Corrected words' });
    expect((await page()).querySelector(`#comment-${held[0]}`)!.text).toContain('Corrected words');
    expect(h.events.at(-1)!.kind).toBe('comment.changed');
    await expect(editComment(h.db, h.app.deps.events, h.clock, held[0]!, { name: '', email: 'bad', url: '', comment: '' })).rejects.toThrow();
    await expect(editComment(h.db, h.app.deps.events, h.clock, 999_999, { name: 'A', email: 'a@b.test', url: '', comment: 'x' })).rejects.toThrow('There is no comment');
  });

  it('replies as a moderator: the reply is published nested, and a held parent is approved first', async () => {
    const id = await replyAsModerator(h.db, h.app.deps.events, h.clock, held[1]!, { name: 'The Editors', email: 'desk@example.org', comment: 'Thanks, fixed.' });
    expect(await statusOf(h.db, held[1]!)).toBe('approved');
    expect((await page()).querySelector(`#comment-${held[1]} #comment-${id}`)!.text).toContain('Thanks, fixed.');
  });
});
