import { afterEach, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { ChangeBus } from '../../src/events.js';
import { buildTestApp, TEST_BASE_URL } from '../helpers/app.js';
import { makeArticle, NOW } from '../helpers/fixtures.js';
import { fixedClock } from '../../src/clock.js';
import { articleTags } from '../../src/events.js';
import { insertComment } from '../../src/comments/comments.repository.js';
import { createWebhook } from '../../src/api/webhooks/webhooks.service.js';
import { listDeliveries } from '../../src/api/webhooks/webhooks.repository.js';
import { WebhookWorker, retryDelay } from '../../src/api/webhooks/webhooks.worker.js';
import { defaultWebhookFetch, sendWebhook, verifySignature } from '../../src/api/webhooks/webhooks.sender.js';
import { startReceiver } from './receiver.js';

describeEachEngine('webhooks', (engine) => {
  const database = useTestDatabase(engine);
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (closers.length) await closers.pop()!();
    await database.current.db.deleteFrom('webhooks').execute();
  });

  let articleId: number;
  beforeAll(async () => {
    articleId = (await makeArticle(database.current.db, { title: 'Harbour reopens', slug: 'harbour-reopens' })).id;
  });

  it('delivers article.published to subscribers, signed with the subscription secret', async () => {
    const receiver = await startReceiver([200]);
    closers.push(receiver.close);
    const { db } = database.current;
    const { id, secret } = await createWebhook(db, { url: receiver.url, events: 'article.published,comment.approved' }, fixedClock(NOW));
    const other = await createWebhook(db, { url: receiver.url, events: 'article.unpublished' }, fixedClock(NOW));
    const app = await buildTestApp(database.current);
    closers.push(() => app.close());

    app.deps.events.emit({ kind: 'article.published', tags: articleTags({ id: articleId }), articleId });
    await app.webhooks.settled();

    expect(receiver.received).toHaveLength(1);
    const [hit] = receiver.received;
    const body = JSON.parse(hit!.body);
    expect(body).toMatchObject({ event: 'article.published', data: { article: { id: articleId, title: 'Harbour reopens', url: `${TEST_BASE_URL}/harbour-reopens/` } } });
    expect(hit!.headers['masthead-event']).toBe('article.published');
    expect(verifySignature(secret, hit!.body, String(hit!.headers['masthead-signature']), NOW)).toBe(true);
    expect(verifySignature(other.secret, hit!.body, String(hit!.headers['masthead-signature']), NOW)).toBe(false);
    expect(verifySignature(secret, hit!.body.replace('Harbour', 'Harbor'), String(hit!.headers['masthead-signature']), NOW)).toBe(false);
    const log = await listDeliveries(db, { webhookId: id, limit: 10 });
    expect(log).toMatchObject([{ event: 'article.published', status: 'delivered', attempts: 1, last_status_code: 200 }]);
  });

  it('announces an approved comment without the commenter\'s email, and never a draft', async () => {
    const receiver = await startReceiver([200]);
    closers.push(receiver.close);
    const { db } = database.current;
    await createWebhook(db, { url: receiver.url, events: 'comment.approved,article.updated' }, fixedClock(NOW));
    const app = await buildTestApp(database.current);
    closers.push(() => app.close());
    const commentId = await insertComment(db, { articleId, name: 'Ada', email: 'ada-marker@example.org', body: 'Good news.', status: 'approved', createdAt: NOW.toISOString() });
    const draft = await makeArticle(db, { title: 'Draft never announced', status: 'draft', publishedAt: null });

    app.deps.events.emit({ kind: 'comment.approved', tags: [`article:${articleId}`], articleId, commentId });
    app.deps.events.emit({ kind: 'article.updated', tags: [`article:${draft.id}`], articleId: draft.id });
    await app.webhooks.settled();

    expect(receiver.received).toHaveLength(1);
    const body = JSON.parse(receiver.received[0]!.body);
    expect(body).toMatchObject({ event: 'comment.approved', data: { comment: { id: commentId, author_name: 'Ada', body: 'Good news.' }, article: { id: articleId } } });
    expect(receiver.received[0]!.body).not.toContain('ada-marker@example.org');
  });

  it('retries with exponential backoff on the clock, then marks the delivery failed', async () => {
    const receiver = await startReceiver([500, 503, 500]);
    closers.push(receiver.close);
    const { db } = database.current;
    const { id } = await createWebhook(db, { url: receiver.url, events: 'article.updated' }, fixedClock(NOW));
    const clock = fixedClock(NOW);
    const worker = new WebhookWorker({ db, clock, baseUrl: TEST_BASE_URL, pollMs: 0, backoffMs: 60_000, maxAttempts: 3, timeoutMs: 2_000 });
    closers.push(() => worker.stop());

    await worker.enqueue({ kind: 'article.updated', tags: [], articleId });
    await worker.settled();
    expect(receiver.received).toHaveLength(1);
    let [d] = await listDeliveries(db, { webhookId: id, limit: 1 });
    expect(d).toMatchObject({ status: 'pending', attempts: 1, last_status_code: 500, next_attempt_at: new Date(NOW.getTime() + 60_000).toISOString() });

    clock.advance(59_000);
    expect(await worker.tick()).toBe(0); // not due yet
    clock.advance(1_000);
    expect(await worker.tick()).toBe(1);
    [d] = await listDeliveries(db, { webhookId: id, limit: 1 });
    expect(d).toMatchObject({ status: 'pending', attempts: 2, last_status_code: 503, next_attempt_at: new Date(NOW.getTime() + 60_000 + 120_000).toISOString() });

    clock.advance(120_000);
    expect(await worker.tick()).toBe(1);
    [d] = await listDeliveries(db, { webhookId: id, limit: 1 });
    expect(d).toMatchObject({ status: 'failed', attempts: 3, next_attempt_at: null });
    expect(receiver.received).toHaveLength(3);
    expect(retryDelay(5, 30_000)).toBe(480_000);
  });

  it('a receiver that never answers times out, is retried, and never holds up the write', async () => {
    const receiver = await startReceiver(['hang', 200]);
    closers.push(receiver.close);
    const { db } = database.current;
    const { id } = await createWebhook(db, { url: receiver.url, events: 'article.published' }, fixedClock(NOW));
    const clock = fixedClock(NOW);
    const worker = new WebhookWorker({ db, clock, baseUrl: TEST_BASE_URL, pollMs: 0, backoffMs: 1_000, timeoutMs: 300 });
    closers.push(() => worker.stop());
    const bus = new ChangeBus();
    worker.listen(bus);

    const started = performance.now();
    bus.emit({ kind: 'article.published', tags: [], articleId });
    expect(performance.now() - started).toBeLessThan(20);
    await worker.settled();
    let [d] = await listDeliveries(db, { webhookId: id, limit: 1 });
    expect(d).toMatchObject({ status: 'pending', attempts: 1, last_status_code: null, last_error: 'no answer within 300 ms' });
    clock.advance(1_000);
    await worker.tick();
    [d] = await listDeliveries(db, { webhookId: id, limit: 1 });
    expect(d).toMatchObject({ status: 'delivered', attempts: 2, last_status_code: 200 });
  });

  it('an unreachable receiver never fails the write; the failure is logged on the delivery', async () => {
    const { db } = database.current;
    await createWebhook(db, { url: 'http://127.0.0.1:1/closed', events: 'article.published' }, fixedClock(NOW));
    const app = await buildTestApp(database.current);
    closers.push(() => app.close());
    expect(() => app.deps.events.emit({ kind: 'article.published', tags: [], articleId })).not.toThrow();
    await app.webhooks.settled();
    const [d] = await listDeliveries(db, { limit: 1 });
    expect(d).toMatchObject({ status: 'pending', attempts: 1, last_status_code: null });
    expect(d!.last_error).toBeTruthy();
  });

  it('a database failure while recording deliveries reaches onError, never the writer', async () => {
    const broken = await createTestDatabase(engine);
    await broken.close();
    const errors: unknown[] = [];
    const worker = new WebhookWorker({ db: broken.db, clock: fixedClock(NOW), baseUrl: TEST_BASE_URL, pollMs: 0, onError: (err) => errors.push(err) });
    const bus = new ChangeBus();
    worker.listen(bus);
    expect(() => bus.emit({ kind: 'comment.approved', tags: [], articleId, commentId: 1 })).not.toThrow();
    await worker.settled();
    expect(errors).toHaveLength(1);
  });

  it('the default sender refuses URLs that are not http(s)', async () => {
    const result = await sendWebhook(defaultWebhookFetch, { id: 1, url: 'file:///etc/passwd', secret: 's', event: 'article.published', payload: '{}' }, NOW, 1_000);
    expect(result).toMatchObject({ ok: false, statusCode: null });
    expect(result.error).toContain('file:');
  });
});
