import { atLeast, ensure, type Actor } from './policy.js';

/**
 * Content API keys and webhooks: admins only. A key lets a client read the
 * API and a webhook sends site events to any address, so handing them out
 * is as sensitive as the site settings.
 */
export const INTEGRATION_ACTIONS = ['manage-api-keys', 'manage-webhooks'] as const;
export type IntegrationAction = (typeof INTEGRATION_ACTIONS)[number];

export function can(actor: Actor, _action: IntegrationAction): boolean {
  return atLeast(actor, 'admin');
}

const WORDS: Record<IntegrationAction, string> = { 'manage-api-keys': 'manage content API keys', 'manage-webhooks': 'manage webhooks' };

export function authorize(actor: Actor, action: IntegrationAction): void {
  ensure(can(actor, action), WORDS[action]);
}
