import type { UserRole } from '../../db/schema.js';
import { AppError } from '../../errors.js';

/** Who is asking: the part of a session a policy needs. */
export interface Actor {
  id: number;
  role: UserRole;
}

const RANK: Record<UserRole, number> = { contributor: 0, author: 1, editor: 2, admin: 3 };

/** True when `actor`'s role is `role` or above it. */
export function atLeast(actor: Actor, role: UserRole): boolean {
  return RANK[actor.role] >= RANK[role];
}

/** Throws FORBIDDEN unless `allowed`; the message says what was refused. */
export function ensure(allowed: boolean, what: string): void {
  if (!allowed) throw new AppError('FORBIDDEN', `Your role does not allow you to ${what}. Ask an editor or an administrator.`);
}
