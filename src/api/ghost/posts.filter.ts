import type { Expression, SqlBool } from 'kysely';
import { booleanValue, constantField, dateCompare, idValues, matchList, textValues, type ArticlesEB, type Condition, type FieldHandler } from './ghost-filter.js';

/*
 * Ghost's tags are our categories and tags together: a post's tags are its
 * primary category first, then its tags by name, so primary_tag is the
 * category (or, for a story without one, its first tag by name).
 */

function hasTagSlug(eb: ArticlesEB, slugs: string[]): Expression<SqlBool> {
  return eb.or([
    eb('articles.id', 'in', eb.selectFrom('article_tags').innerJoin('tags', 'tags.id', 'article_tags.tag_id').select('article_tags.article_id').where('tags.slug', 'in', slugs)),
    eb.and([eb('articles.primary_category_id', 'is not', null), eb('articles.primary_category_id', 'in', eb.selectFrom('categories').select('categories.id').where('categories.slug', 'in', slugs))]),
  ]);
}

const tags: FieldHandler<ArticlesEB> = (eb, cond) => matchList(eb, cond, hasTagSlug(eb, textValues(cond)));

const primaryTag: FieldHandler<ArticlesEB> = (eb, cond) => {
  const slugs = textValues(cond);
  const firstTag = eb
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select('tags.slug')
    .whereRef('article_tags.article_id', '=', 'articles.id')
    .orderBy('tags.name')
    .orderBy('tags.id')
    .limit(1);
  return matchList(
    eb,
    cond,
    eb.or([
      eb.and([eb('articles.primary_category_id', 'is not', null), eb('articles.primary_category_id', 'in', eb.selectFrom('categories').select('categories.id').where('categories.slug', 'in', slugs))]),
      eb.and([eb('articles.primary_category_id', 'is', null), eb(eb.fn.coalesce(firstTag, eb.val('')), 'in', slugs)]),
    ]),
  );
};

const authors: FieldHandler<ArticlesEB> = (eb, cond) =>
  matchList(eb, cond, eb('articles.id', 'in', eb.selectFrom('article_authors').innerJoin('authors', 'authors.id', 'article_authors.author_id').select('article_authors.article_id').where('authors.slug', 'in', textValues(cond))));

const primaryAuthor: FieldHandler<ArticlesEB> = (eb, cond) => {
  const first = eb
    .selectFrom('article_authors')
    .innerJoin('authors', 'authors.id', 'article_authors.author_id')
    .select('authors.slug')
    .whereRef('article_authors.article_id', '=', 'articles.id')
    .orderBy('article_authors.position')
    .limit(1);
  return matchList(eb, cond, eb(eb.fn.coalesce(first, eb.val('')), 'in', textValues(cond)));
};

const date = (column: string): FieldHandler<ArticlesEB> => (eb, cond: Condition) => dateCompare(eb, column, cond);

/** Filter fields for posts and pages. */
export const postFilterFields: Record<string, FieldHandler<ArticlesEB>> = {
  tag: tags,
  tags,
  'tags.slug': tags,
  primary_tag: primaryTag,
  'primary_tag.slug': primaryTag,
  author: authors,
  authors,
  'authors.slug': authors,
  primary_author: primaryAuthor,
  'primary_author.slug': primaryAuthor,
  featured: (eb, cond) => eb('articles.featured', '=', booleanValue(cond) ? 1 : 0),
  published_at: date('articles.published_at'),
  updated_at: date('articles.updated_at'),
  created_at: date('articles.created_at'),
  slug: (eb, cond) => matchList(eb, cond, eb('articles.slug', 'in', textValues(cond))),
  id: (eb, cond) => matchList(eb, cond, eb('articles.id', 'in', idValues(cond, 'article'))),
  visibility: constantField('public'),
  status: constantField('published'),
};
