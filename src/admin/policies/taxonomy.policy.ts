import { atLeast, ensure, type Actor } from './policy.js';

/** Categories, tags, series, sources and author profiles: editors and admins manage them. */
export const TAXONOMY_ACTIONS = ['manage'] as const;
export type TaxonomyAction = (typeof TAXONOMY_ACTIONS)[number];

export function can(actor: Actor, _action: TaxonomyAction): boolean {
  return atLeast(actor, 'editor');
}

export function authorize(actor: Actor, action: TaxonomyAction): void {
  ensure(can(actor, action), 'manage categories, tags, series, sources or authors');
}
