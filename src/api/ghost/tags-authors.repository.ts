import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { FilterNode } from './nql.js';
import { compileFilter, constantField, matchList, textValues, type FieldHandler } from './ghost-filter.js';
import { fromGhostId, ghostIdKind } from './ghost-id.js';
import { publicAuthorColumns } from './posts.repository.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Kind codes in the tag union: 4 a category, 2 a tag (as in ghost-id.ts). */
export const CATEGORY: number = 4;
export const TAG: number = 2;

/** Categories and tags as one table `t` (kind, id, slug, name, description). */
function tagUnion(db: Db) {
  return db.selectFrom(
    db
      .selectFrom('categories')
      .select((eb) => [eb.lit(CATEGORY).as('kind'), 'id', 'slug', 'name', 'description'])
      .unionAll(db.selectFrom('tags').select((eb) => [eb.lit(TAG).as('kind'), 'id', 'slug', 'name', 'description']))
      .as('t'),
  );
}

type TagEB = ExpressionBuilder<any, any>;

const tagId: FieldHandler<TagEB> = (eb, cond) => {
  const pairs = textValues(cond).map((v) => {
    const kind = ghostIdKind(v);
    const n = kind === 'category' ? fromGhostId('category', v) : kind === 'tag' ? fromGhostId('tag', v) : undefined;
    return n === undefined ? undefined : { kind: kind === 'category' ? CATEGORY : TAG, id: n };
  });
  const hits = pairs.filter((p) => p !== undefined).map((p) => eb.and([eb('t.kind', '=', p.kind), eb('t.id', '=', p.id)]));
  return matchList(eb, cond, hits.length ? eb.or(hits) : (eb.lit(false) as unknown as Expression<SqlBool>));
};

const tagFields: Record<string, FieldHandler<TagEB>> = {
  slug: (eb, cond) => matchList(eb, cond, eb('t.slug', 'in', textValues(cond))),
  name: (eb, cond) => matchList(eb, cond, eb('t.name', 'in', textValues(cond))),
  id: tagId,
  visibility: constantField('public'),
};

const TAG_ORDER = { name: 't.name', slug: 't.slug' } as const;
export const tagOrderFields = Object.keys(TAG_ORDER);

export interface TaxonomyQuery {
  filter?: FilterNode;
  order: { field: string; dir: 'asc' | 'desc' }[];
  limit: number;
  offset: number;
}

export type TagUnionRow = { kind: number; id: number; slug: string; name: string; description: string | null };

export async function browseTags(db: Db, q: TaxonomyQuery): Promise<{ rows: TagUnionRow[]; total: number }> {
  const where = q.filter ? compileFilter(q.filter, tagFields, 'tags') : undefined;
  const base = () => (where ? tagUnion(db).where(where) : tagUnion(db));
  let items = base().select(['t.kind', 't.id', 't.slug', 't.name', 't.description']);
  for (const o of q.order) items = items.orderBy(TAG_ORDER[o.field as keyof typeof TAG_ORDER], o.dir);
  items = items.orderBy('t.kind', 'desc').orderBy('t.id', 'asc');
  const [rows, count] = await Promise.all([items.limit(q.limit).offset(q.offset).execute(), base().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()]);
  return { rows: rows.map((r) => ({ ...r, kind: Number(r.kind) })) as TagUnionRow[], total: Number(count.n) };
}

/** One tag or category by Ghost id or slug (a tag wins a slug shared with a category). */
export async function readTag(db: Db, by: { ghostId: string } | { slug: string }): Promise<TagUnionRow | undefined> {
  const filter: FilterNode = 'slug' in by ? { type: 'compare', field: 'slug', op: '=', value: by.slug } : { type: 'compare', field: 'id', op: '=', value: by.ghostId };
  const { rows } = await browseTags(db, { filter, order: [], limit: 2, offset: 0 });
  return rows.find((r) => r.kind === TAG) ?? rows[0];
}

/** Visible posts per category and per tag, for include=count.posts. */
export async function countPostsByTag(db: Db, now: Date): Promise<{ categories: Map<number, number>; tags: Map<number, number> }> {
  const visible = (qb: any) => qb.where('articles.status', '=', 'published').where('articles.published_at', '<=', now.toISOString()).where('articles.type', '=', 'post');
  const [cats, tags] = await Promise.all([
    visible(db.selectFrom('articles').select((eb: any) => ['articles.primary_category_id as id', eb.fn.countAll().as('n')]))
      .where('articles.primary_category_id', 'is not', null)
      .groupBy('articles.primary_category_id')
      .execute(),
    visible(db.selectFrom('articles').innerJoin('article_tags', 'article_tags.article_id', 'articles.id').select((eb: any) => ['article_tags.tag_id as id', eb.fn.countAll().as('n')]))
      .groupBy('article_tags.tag_id')
      .execute(),
  ]);
  const toMap = (rows: { id: number; n: number | string }[]) => new Map(rows.map((r) => [Number(r.id), Number(r.n)]));
  return { categories: toMap(cats), tags: toMap(tags) };
}

/*
 * Authors: only those with at least one visible post or page, so a byline
 * that exists only on drafts is never announced.
 */
type AuthorEB = ExpressionBuilder<Database, 'authors'>;

function withVisibleWork(db: Db, now: Date) {
  return db
    .selectFrom('authors')
    .where('authors.id', 'in', (eb) =>
      eb
        .selectFrom('article_authors')
        .innerJoin('articles', 'articles.id', 'article_authors.article_id')
        .select('article_authors.author_id')
        .where('articles.status', '=', 'published')
        .where('articles.published_at', '<=', now.toISOString()),
    );
}

const authorFields: Record<string, FieldHandler<AuthorEB>> = {
  slug: (eb, cond) => matchList(eb, cond, eb('authors.slug', 'in', textValues(cond))),
  name: (eb, cond) => matchList(eb, cond, eb('authors.name', 'in', textValues(cond))),
  id: (eb, cond) => matchList(eb, cond, eb('authors.id', 'in', textValues(cond).map((v) => fromGhostId('author', v) ?? -1))),
};

const AUTHOR_ORDER = { name: 'authors.name', slug: 'authors.slug' } as const;
export const authorOrderFields = Object.keys(AUTHOR_ORDER);

export async function browseAuthors(db: Db, q: TaxonomyQuery, now: Date) {
  const where = q.filter ? compileFilter(q.filter, authorFields, 'authors') : undefined;
  const base = () => (where ? withVisibleWork(db, now).where(where) : withVisibleWork(db, now));
  let items = base().select(publicAuthorColumns);
  for (const o of q.order) items = items.orderBy(AUTHOR_ORDER[o.field as keyof typeof AUTHOR_ORDER], o.dir);
  items = items.orderBy('authors.id', 'asc');
  const [rows, count] = await Promise.all([items.limit(q.limit).offset(q.offset).execute(), base().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()]);
  return { rows, total: Number(count.n) };
}

export async function readAuthor(db: Db, by: { id: number } | { slug: string }, now: Date) {
  const q = withVisibleWork(db, now).select(publicAuthorColumns);
  return ('id' in by ? q.where('authors.id', '=', by.id) : q.where('authors.slug', '=', by.slug)).executeTakeFirst();
}

export type PublicAuthorRow = NonNullable<Awaited<ReturnType<typeof readAuthor>>>;

/** Visible posts per author, for include=count.posts. */
export async function countPostsByAuthor(db: Db, now: Date): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('article_authors')
    .innerJoin('articles', 'articles.id', 'article_authors.article_id')
    .select((eb) => ['article_authors.author_id', eb.fn.countAll<number>().as('n')])
    .where('articles.status', '=', 'published')
    .where('articles.published_at', '<=', now.toISOString())
    .where('articles.type', '=', 'post')
    .groupBy('article_authors.author_id')
    .execute();
  return new Map(rows.map((r) => [r.author_id, Number(r.n)]));
}
