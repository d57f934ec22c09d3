import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { UserRole } from '../../src/db/schema.js';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { buildTestApp } from '../helpers/app.js';
import { makeArticle } from '../helpers/fixtures.js';
import { insertComment } from '../../src/comments/comments.repository.js';
import { ARTICLE_ACTIONS, can as canArticle } from '../../src/admin/policies/article.policy.js';
import { can as canTaxonomy } from '../../src/admin/policies/taxonomy.policy.js';
import { can as canComment } from '../../src/admin/policies/comment.policy.js';
import { USER_ACTIONS, can as canUser } from '../../src/admin/policies/user.policy.js';
import { SETTINGS_ACTIONS, can as canSettings } from '../../src/admin/policies/settings.policy.js';
import { MEDIA_ACTIONS, can as canMedia } from '../../src/admin/policies/media.policy.js';
import { INTEGRATION_ACTIONS, can as canIntegrations } from '../../src/admin/policies/integrations.policy.js';
import { Client, makeUser, signedIn } from './admin-fixtures.js';

const ROLES: UserRole[] = ['contributor', 'author', 'editor', 'admin'];
const yes = (cell: string, i: number) => cell[i] === 'Y';

/*
 * The whole policy, written out by hand as a newsroom would state it. Each
 * cell is four letters, one per role: contributor, author, editor, admin.
 * Article cells are given for a story the person owns as a draft, owns once
 * published, and someone else's draft.
 */
const ARTICLE_MATRIX: Record<(typeof ARTICLE_ACTIONS)[number], { ownDraft: string; ownPublished: string; othersDraft: string }> = {
  create: { ownDraft: 'YYYY', ownPublished: 'YYYY', othersDraft: 'YYYY' },
  view: { ownDraft: 'YYYY', ownPublished: 'YYYY', othersDraft: 'NNYY' },
  edit: { ownDraft: 'YYYY', ownPublished: 'NYYY', othersDraft: 'NNYY' },
  submit: { ownDraft: 'YYYY', ownPublished: 'NYYY', othersDraft: 'NNYY' },
  publish: { ownDraft: 'NYYY', ownPublished: 'NYYY', othersDraft: 'NNYY' },
  schedule: { ownDraft: 'NYYY', ownPublished: 'NYYY', othersDraft: 'NNYY' },
  unpublish: { ownDraft: 'NYYY', ownPublished: 'NYYY', othersDraft: 'NNYY' },
  trash: { ownDraft: 'YYYY', ownPublished: 'NYYY', othersDraft: 'NNYY' },
  restore: { ownDraft: 'YYYY', ownPublished: 'NYYY', othersDraft: 'NNYY' },
};
const OTHER_MATRIX: [string, (role: UserRole) => boolean, string][] = [
  ['taxonomy:manage', (r) => canTaxonomy({ id: 1, role: r }, 'manage'), 'NNYY'],
  ['comments:moderate', (r) => canComment({ id: 1, role: r }, 'moderate'), 'NNYY'],
  ...USER_ACTIONS.map((a) => [`users:${a}`, (r: UserRole) => canUser({ id: 1, role: r }, a), a === 'change-own-password' ? 'YYYY' : 'NNNY'] as [string, (role: UserRole) => boolean, string]),
  ...SETTINGS_ACTIONS.map((a) => [`settings:${a}`, (r: UserRole) => canSettings({ id: 1, role: r }, a), 'NNNY'] as [string, (role: UserRole) => boolean, string]),
  ...INTEGRATION_ACTIONS.map((a) => [`integrations:${a}`, (r: UserRole) => canIntegrations({ id: 1, role: r }, a), 'NNNY'] as [string, (role: UserRole) => boolean, string]),
  ...MEDIA_ACTIONS.map((a) => {
    const expected = { browse: 'YYYY', upload: 'NYYY', describe: 'NYYY', delete: 'NYYY' }[a];
    return [`media:${a} (own upload)`, (r: UserRole) => canMedia({ id: 1, role: r }, a, { uploaded_by: 1 }), expected] as [string, (role: UserRole) => boolean, string];
  }),
  ...MEDIA_ACTIONS.map((a) => {
    const expected = { browse: 'YYYY', upload: 'NYYY', describe: 'NNYY', delete: 'NNYY' }[a];
    return [`media:${a} (another's upload)`, (r: UserRole) => canMedia({ id: 1, role: r }, a, { uploaded_by: 2 }), expected] as [string, (role: UserRole) => boolean, string];
  }),
];

describe('the role policy, every role × action', () => {
  for (const action of ARTICLE_ACTIONS) {
    for (const [subjectName, subject] of [
      ['ownDraft', { owner_user_id: 1, status: 'draft' }],
      ['ownPublished', { owner_user_id: 1, status: 'published' }],
      ['othersDraft', { owner_user_id: 2, status: 'draft' }],
    ] as const) {
      it(`article:${action} on ${subjectName}`, () => {
        const got = ROLES.map((role) => (canArticle({ id: 1, role }, action, subject) ? 'Y' : 'N')).join('');
        expect(got).toBe(ARTICLE_MATRIX[action][subjectName]);
      });
    }
  }
  for (const [name, check, expected] of OTHER_MATRIX) {
    it(name, () => expect(ROLES.map((r) => (check(r) ? 'Y' : 'N')).join('')).toBe(expected));
  }
});

/*
 * The same rules through HTTP: each role signs in and tries each action on
 * the server; a refusal is a 403 and changes nothing.
 */
describeEachEngine('roles enforced on the server', (engine) => {
  const database = useTestDatabase(engine);
  let app: FastifyInstance;
  const clients = new Map<UserRole, { c: Client; id: number }>();
  let owner: number;

  beforeAll(async () => {
    app = await buildTestApp(database.current);
    owner = (await makeUser(database.current.db, 'admin')).id;
    for (const role of ROLES) {
      const u = await makeUser(database.current.db, role);
      const c = await signedIn(app, u.email);
      clients.set(role, { c, id: u.id });
    }
  });

  async function story(ownerId: number, status: 'draft' | 'published') {
    const { id } = await makeArticle(database.current.db, { title: `Matrix story ${Math.random()}`, status, publishedAt: status === 'published' ? '2026-11-20T10:00:00.000Z' : null });
    await database.current.db.updateTable('articles').set({ owner_user_id: ownerId }).where('id', '=', id).execute();
    return id;
  }
  async function heldComment() {
    const articleId = await story(owner, 'published');
    return insertComment(database.current.db, { articleId, name: 'Matrix Reader', email: 'matrix-reader@example.org', body: 'Held for the matrix.', status: 'pending', createdAt: '2026-11-20T11:00:00.000Z' });
  }
  const form = (intent: string, extra: Record<string, string> = {}) => ({ title: 'Matrix edit', body: 'Text.', version: '1', intent, ...extra });

  type Attempt = (c: Client, me: number) => Promise<{ statusCode: number }>;
  const HTTP_MATRIX: [string, Attempt, string][] = [
    ['write a new story', (c) => c.post('/admin/articles/', form('save')), 'YYYY'],
    ['submit own draft', async (c, me) => c.post(`/admin/articles/${await story(me, 'draft')}`, form('submit')), 'YYYY'],
    ['publish own draft', async (c, me) => c.post(`/admin/articles/${await story(me, 'draft')}`, form('publish')), 'NYYY'],
    ['schedule own draft', async (c, me) => c.post(`/admin/articles/${await story(me, 'draft')}`, form('schedule', { publishAt: '2026-12-01T09:00' })), 'NYYY'],
    ['edit own published story', async (c, me) => c.post(`/admin/articles/${await story(me, 'published')}`, form('save')), 'NYYY'],
    ['unpublish own story', async (c, me) => c.post(`/admin/articles/${await story(me, 'published')}`, form('unpublish')), 'NYYY'],
    ['trash own draft', async (c, me) => c.post(`/admin/articles/${await story(me, 'draft')}`, form('trash')), 'YYYY'],
    ["open someone else's draft", async (c) => c.get(`/admin/articles/${await story(owner, 'draft')}`), 'NNYY'],
    ["edit someone else's draft", async (c) => c.post(`/admin/articles/${await story(owner, 'draft')}`, form('save')), 'NNYY'],
    ["publish someone else's draft", async (c) => c.post(`/admin/articles/${await story(owner, 'draft')}`, form('publish')), 'NNYY'],
    ['add a tag', (c) => c.post('/admin/tags/', { name: `Tag ${Math.random()}` }), 'NNYY'],
    ['add a category', (c) => c.post('/admin/categories/', { name: `Desk ${Math.random()}` }), 'NNYY'],
    ['list accounts', (c) => c.get('/admin/users/'), 'NNNY'],
    ['add an account', (c) => c.post('/admin/users/', { name: 'Someone', email: `someone${Math.random()}@x.test`, role: 'admin' }), 'NNNY'],
    ['disable an account', (c) => c.post(`/admin/users/${owner}/disable`, {}), 'NNNY'],
    ['see settings', (c) => c.get('/admin/settings'), 'NNNY'],
    ['change settings', (c) => c.post('/admin/settings', { title: 'Hijacked', description: '', language: 'en', direction: 'ltr', timezone: 'UTC', menu: '', postsPerPage: '10', commentThreadDepth: '5', commentModeration: 'open' }), 'NNNY'],
    ['open the media library', (c) => c.get('/admin/media/'), 'YYYY'],
    ['open the comment queue', (c) => c.get('/admin/comments/'), 'NNYY'],
    ['open a comment', async (c) => c.get(`/admin/comments/${await heldComment()}`), 'NNYY'],
    ['approve a comment', async (c) => c.post('/admin/comments/moderate', { action: 'approve', ids: String(await heldComment()) }), 'NNYY'],
    ['bulk-trash comments', async (c) => c.post('/admin/comments/moderate', { action: 'trash', ids: [String(await heldComment()), String(await heldComment())] }), 'NNYY'],
    ['edit a comment', async (c) => c.post(`/admin/comments/${await heldComment()}/edit`, { name: 'Matrix Reader', email: 'matrix-reader@example.org', url: '', comment: 'Edited.' }), 'NNYY'],
    ['reply to a comment', async (c) => c.post(`/admin/comments/${await heldComment()}/reply`, { reply: 'A reply.' }), 'NNYY'],
    ['see content API keys', (c) => c.get('/admin/api-keys/'), 'NNNY'],
    ['make a content API key', (c) => c.post('/admin/api-keys/', { label: `Matrix key ${Math.random()}` }), 'NNNY'],
    ['see webhooks', (c) => c.get('/admin/webhooks/'), 'NNNY'],
    ['add a webhook', (c) => c.post('/admin/webhooks/', { url: 'https://example.org/matrix-hook', events: 'article.published' }), 'NNNY'],
  ];

  for (const [name, attempt, expected] of HTTP_MATRIX) {
    it(name, async () => {
      const got: string[] = [];
      for (const [i, role] of ROLES.entries()) {
        const { c, id } = clients.get(role)!;
        await c.get('/admin/articles/');
        const res = await attempt(c, id);
        expect([200, 303, 403], `${role}: ${res.statusCode}`).toContain(res.statusCode);
        got.push(res.statusCode === 403 ? 'N' : 'Y');
        expect(res.statusCode === 403, `${role} ${name}`).toBe(!yes(expected, i));
      }
      expect(got.join('')).toBe(expected);
    });
  }

  it('changes nothing when refused', async () => {
    const { c, id } = clients.get('contributor')!;
    const draft = await story(id, 'draft');
    await c.post(`/admin/articles/${draft}`, form('publish'));
    const row = await database.current.db.selectFrom('articles').select(['status', 'title']).where('id', '=', draft).executeTakeFirstOrThrow();
    expect(row.status).toBe('draft');
    expect(row.title).not.toBe('Matrix edit');
    const accounts = await database.current.db.selectFrom('users').select('id').where('email', 'like', 'someone%').execute();
    // only the admin's attempt in the matrix made an account
    expect(accounts.length).toBe(1);
  });
});
