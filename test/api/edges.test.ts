import { expect, it } from 'vitest';
import { describeEachEngine } from '../helpers/engines.js';
import { NOW } from '../helpers/fixtures.js';
import { fixedClock } from '../../src/clock.js';
import { createWebhook } from '../../src/api/webhooks/webhooks.service.js';
import { WebhookWorker } from '../../src/api/webhooks/webhooks.worker.js';
import { useSeededApp } from './api-fixtures.js';
import { startReceiver } from './receiver.js';

describeEachEngine('content API edges', (engine) => {
  const ctx = useSeededApp(engine);
  const ghost = (path: string) => ctx.app.inject(`/ghost/api/content${path}${path.includes('?') ? '&' : '?'}key=${ctx.seeded.key}`);

  it('filters tags and authors by slug, name and id', async () => {
    const tags = await ghost(`/tags/?filter=${encodeURIComponent('slug:[water,iran]')}`);
    expect(tags.json().tags.map((t: { slug: string }) => t.slug).sort()).toEqual(['iran', 'water']);
    const water = tags.json().tags.find((t: { slug: string }) => t.slug === 'water');
    expect((await ghost(`/tags/?filter=id:${water.id}`)).json().tags.map((t: { name: string }) => t.name)).toEqual(['Water']);
    expect((await ghost(`/tags/?filter=${encodeURIComponent("name:'Middle East'")}`)).json().tags.map((t: { slug: string }) => t.slug)).toEqual(['middle-east']);
    expect((await ghost('/tags/?filter=slug:-water&limit=all')).json().tags.map((t: { slug: string }) => t.slug)).not.toContain('water');
    expect((await ghost('/authors/?filter=slug:sam-ortiz')).json().authors.map((a: { name: string }) => a.name)).toEqual(['Sam Ortiz']);
    expect((await ghost('/tags/?order=slug%20desc&limit=2')).json().tags.map((t: { slug: string }) => t.slug)).toEqual(['world', 'water']);
  });

  it('answers malformed addresses and other methods in each API\'s own JSON shape', async () => {
    const badPath = await ctx.app.inject(`/ghost/api/content/posts/slug/%ff/?key=${ctx.seeded.key}`);
    expect(badPath.statusCode).toBe(400);
    expect(badPath.json().errors[0].type).toBe('BadRequestError');
    const post = await ctx.app.inject({ method: 'POST', url: '/wp-json/wp/v2/posts', payload: { title: 'x' } });
    expect(post.statusCode).toBe(404);
    expect(post.json()).toMatchObject({ code: 'rest_no_route', data: { status: 404 } });
    const del = await ctx.app.inject({ method: 'DELETE', url: `/ghost/api/content/posts/?key=${ctx.seeded.key}` });
    expect(del.statusCode).toBe(404);
    expect(del.json().errors[0].type).toBe('NotFoundError');
    const head = await ctx.app.inject({ method: 'HEAD', url: '/wp-json/wp/v2/posts' });
    expect(head.statusCode).toBe(200);
    expect(head.headers['x-wp-total']).toBeDefined();
  });

  it('embeds a page\'s author and image without terms', async () => {
    const [page] = (await ctx.app.inject('/wp-json/wp/v2/pages?slug=about&_embed')).json();
    expect(page._embedded.author.map((a: { slug: string }) => a.slug)).toEqual(['sam-ortiz']);
    expect(page._embedded['wp:term']).toBeUndefined();
    expect(page.categories).toBeUndefined();
  });

  it('article.unpublished carries only the id and slug; article.published for a page works too', async () => {
    const receiver = await startReceiver([200]);
    const { db } = ctx.database;
    const hook = await createWebhook(db, { url: receiver.url, events: 'article.unpublished,article.published' }, fixedClock(NOW));
    const worker = new WebhookWorker({ db, clock: fixedClock(NOW), baseUrl: 'https://news.example', pollMs: 0 });
    try {
      await worker.enqueue({ kind: 'article.unpublished', tags: [], articleId: ctx.seeded.articles.draft.id });
      await worker.enqueue({ kind: 'article.published', tags: [], articleId: ctx.seeded.articles.about.id });
      await worker.settled();
      const bodies = receiver.received.map((r) => JSON.parse(r.body));
      expect(bodies).toEqual([
        { event: 'article.unpublished', created_at: NOW.toISOString(), data: { article: { id: ctx.seeded.articles.draft.id, slug: 'secret-draft', type: 'post' } } },
        expect.objectContaining({ event: 'article.published', data: { article: expect.objectContaining({ type: 'page', slug: 'about', url: 'https://news.example/about/' }) } }),
      ]);
      expect(receiver.received[0]!.body).not.toContain('Secret draft headline');
    } finally {
      await worker.stop();
      await receiver.close();
      await db.deleteFrom('webhooks').where('id', '=', hook.id).execute();
    }
  });
});
