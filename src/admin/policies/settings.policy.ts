import { atLeast, ensure, type Actor } from './policy.js';

export const SETTINGS_ACTIONS = ['view', 'update'] as const;
export type SettingsAction = (typeof SETTINGS_ACTIONS)[number];

/** Site settings are for admins only. */
export function can(actor: Actor, _action: SettingsAction): boolean {
  return atLeast(actor, 'admin');
}

export function authorize(actor: Actor, action: SettingsAction): void {
  ensure(can(actor, action), 'change site settings');
}
