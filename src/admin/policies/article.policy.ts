import type { ArticleStatus } from '../../db/schema.js';
import { atLeast, ensure, type Actor } from './policy.js';

/*
 * Who may do what to a story, as WordPress newsrooms know it:
 * - contributor: writes drafts and submits them for review; may edit and
 *   trash their own story only while it is unpublished (draft or pending).
 * - author: all of that on their own stories, and publishes, schedules and
 *   unpublishes them.
 * - editor and admin: everything, on everyone's stories.
 */
export const ARTICLE_ACTIONS = ['create', 'view', 'edit', 'submit', 'publish', 'schedule', 'unpublish', 'trash', 'restore'] as const;
export type ArticleAction = (typeof ARTICLE_ACTIONS)[number];

export interface ArticleSubject {
  owner_user_id: number | null;
  status: ArticleStatus;
}

export function can(actor: Actor, action: ArticleAction, article?: ArticleSubject): boolean {
  if (action === 'create') return true;
  if (!article) return false;
  if (atLeast(actor, 'editor')) return true;
  const own = article.owner_user_id === actor.id;
  if (!own) return false;
  if (actor.role === 'author') return true;
  // contributor, on their own story
  const unpublished = article.status === 'draft' || article.status === 'pending';
  switch (action) {
    case 'view':
      return true;
    case 'edit':
    case 'submit':
    case 'trash':
    case 'restore':
      return unpublished;
    default:
      return false;
  }
}

const WORDS: Record<ArticleAction, string> = {
  create: 'write stories',
  view: 'open this story',
  edit: 'edit this story',
  submit: 'submit this story for review',
  publish: 'publish this story',
  schedule: 'schedule this story',
  unpublish: 'unpublish this story',
  trash: 'move this story to the trash',
  restore: 'restore an earlier version of this story',
};

/** Throws FORBIDDEN unless the actor may do `action` to the article. */
export function authorize(actor: Actor, action: ArticleAction, article?: ArticleSubject): void {
  ensure(can(actor, action, article), WORDS[action]);
}
