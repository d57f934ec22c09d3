import { atLeast, ensure, type Actor } from './policy.js';

/** Accounts: admins manage everyone's; anyone may change their own password. */
export const USER_ACTIONS = ['list', 'create', 'change-role', 'reset-password', 'disable', 'change-own-password'] as const;
export type UserAction = (typeof USER_ACTIONS)[number];

export function can(actor: Actor, action: UserAction): boolean {
  if (action === 'change-own-password') return true;
  return atLeast(actor, 'admin');
}

export function authorize(actor: Actor, action: UserAction): void {
  ensure(can(actor, action), 'manage accounts');
}
