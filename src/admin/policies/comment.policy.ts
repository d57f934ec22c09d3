import { atLeast, ensure, type Actor } from './policy.js';

/** Comment moderation (the moderation screens belong to the comments feature). */
export const COMMENT_ACTIONS = ['moderate'] as const;
export type CommentAction = (typeof COMMENT_ACTIONS)[number];

export function can(actor: Actor, _action: CommentAction): boolean {
  return atLeast(actor, 'editor');
}

export function authorize(actor: Actor, action: CommentAction): void {
  ensure(can(actor, action), 'moderate comments');
}
