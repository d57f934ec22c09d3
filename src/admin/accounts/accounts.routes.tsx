import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { chromeFor, currentUser, sendAdmin, str, type AdminDeps } from '../admin.context.js';
import { hashPassword, verifyPassword } from './password.js';
import { passwordSchema } from './users.schema.js';
import { findUserByEmail, findUserById, setPasswordHash } from './users.repository.js';
import { findValidReset, resetPassword } from './users.service.js';
import { endOtherSessions, endSession, startSession } from './sessions.js';
import { clearAccountFailures, loginBlocked, recordLoginFailure } from './login-limit.js';
import { LoginPage, PasswordPage } from './views.js';
import { registerUserAdminRoutes } from './users.routes.js';

// compared against when the email is unknown, so a wrong email costs as long as a wrong password
const DUMMY_HASH = await hashPassword('not-a-real-password-just-for-timing');

/** Only same-site admin paths are followed after sign-in (no open redirect). */
function safeNext(next: string): string {
  return /^\/admin\/[^\\\s]*$/.test(next) && !/\/\/|(^|\/)\.\.?(\/|$|\?)|%2e|%2f|%5c/i.test(next) ? next : '/admin/';
}

const loginForm = z.object({ email: z.string().trim().max(254), password: z.string().max(200) });

export async function registerAccountRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  const { db, clock } = deps;

  app.get<{ Querystring: { next?: string } }>('/admin/login', async (request, reply) => {
    if (request.adminUser) return reply.redirect('/admin/', 303);
    const next = typeof request.query.next === 'string' ? request.query.next.slice(0, 500) : '';
    const status = (request.query as Record<string, string>).done === 'reset' ? 'Your password has been changed. Sign in with it.' : null;
    return sendAdmin(reply, <LoginPage chrome={chromeFor(request, deps)} next={next} status={status} />);
  });

  app.post('/admin/login', async (request, reply) => {
    const parsed = loginForm.safeParse({ email: str(request.body, 'email'), password: (request.body as Record<string, unknown>)?.password ?? '' });
    const next = str(request.body, 'next').slice(0, 500);
    const chrome = chromeFor(request, deps);
    if (!parsed.success || !parsed.data.email || !parsed.data.password) {
      return sendAdmin(reply, <LoginPage chrome={chrome} email={str(request.body, 'email').slice(0, 254)} next={next} error="Enter your email and your password." />, 400);
    }
    const { email, password } = parsed.data;
    const blocked = await loginBlocked(db, request.ip, email, clock);
    if (blocked) {
      const message =
        blocked === 'account'
          ? 'Too many failed sign-ins for this account. Wait 15 minutes and try again, or ask an administrator for a reset link.'
          : 'Too many failed sign-ins from your network. Wait 15 minutes and try again.';
      return sendAdmin(reply, <LoginPage chrome={chrome} email={email} next={next} error={message} />, 429);
    }
    const user = await findUserByEmail(db, email);
    const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled) {
      await recordLoginFailure(db, request.ip, email, clock);
      return sendAdmin(reply, <LoginPage chrome={chrome} email={email} next={next} error="That email and password do not match an account." />, 401);
    }
    await clearAccountFailures(db, email);
    await startSession(db, request, reply, user.id, clock);
    return reply.redirect(user.must_change_password ? '/admin/account/password' : safeNext(next), 303);
  });

  app.post('/admin/logout', async (request, reply) => {
    const user = currentUser(request);
    await endSession(db, request, reply, user.tokenHash);
    return reply.redirect('/admin/login', 303);
  });

  app.get('/admin/account/password', async (request, reply) => {
    const user = currentUser(request);
    const notice = (request.query as Record<string, string>).saved ? 'Your password has been changed.' : null;
    return sendAdmin(reply, <PasswordPage chrome={chromeFor(request, deps)} mustChange={user.mustChangePassword} notice={notice} />);
  });

  app.post('/admin/account/password', async (request, reply) => {
    const session = currentUser(request);
    const body = request.body as Record<string, unknown>;
    const current = typeof body?.current === 'string' ? body.current : '';
    const password = typeof body?.password === 'string' ? body.password : '';
    const confirm = typeof body?.confirm === 'string' ? body.confirm : '';
    const user = await findUserById(db, session.id);
    if (!user) throw new AppError('UNAUTHORIZED');
    const errors: Record<string, string> = {};
    if (!(await verifyPassword(current, user.password_hash))) errors.current = 'That is not your current password.';
    const checked = passwordSchema.safeParse(password);
    if (!checked.success) errors.password = checked.error.issues[0]!.message;
    else if (password !== confirm) errors.confirm = 'The two new passwords differ.';
    else if (password === current) errors.password = 'Choose a password different from the old one.';
    if (Object.keys(errors).length) return sendAdmin(reply, <PasswordPage chrome={chromeFor(request, deps)} mustChange={session.mustChangePassword} errors={errors} />, 400);
    await setPasswordHash(db, user.id, await hashPassword(password), false, clock.now().toISOString());
    await endOtherSessions(db, user.id, session.tokenHash);
    return reply.redirect('/admin/account/password?saved=1', 303);
  });

  app.get<{ Params: { token: string } }>('/admin/reset/:token', async (request, reply) => {
    const valid = await findValidReset(db, request.params.token, clock);
    if (!valid) throw new AppError('NOT_FOUND', 'This reset link is not valid: it may have been used already or have expired. Ask an administrator for a new one.');
    return sendAdmin(reply, <PasswordPage chrome={chromeFor(request, deps)} mustChange={false} needCurrent={false} title="Choose a new password" action={`/admin/reset/${request.params.token}`} />);
  });

  app.post<{ Params: { token: string } }>('/admin/reset/:token', async (request, reply) => {
    const body = request.body as Record<string, unknown>;
    const password = typeof body?.password === 'string' ? body.password : '';
    const confirm = typeof body?.confirm === 'string' ? body.confirm : '';
    const errors: Record<string, string> = {};
    const checked = passwordSchema.safeParse(password);
    if (!checked.success) errors.password = checked.error.issues[0]!.message;
    else if (password !== confirm) errors.confirm = 'The two new passwords differ.';
    const page = (status: number) => sendAdmin(reply, <PasswordPage chrome={chromeFor(request, deps)} mustChange={false} needCurrent={false} title="Choose a new password" errors={errors} action={`/admin/reset/${request.params.token}`} />, status);
    if (Object.keys(errors).length) return page(400);
    if (!(await resetPassword(db, request.params.token, password, clock))) throw new AppError('NOT_FOUND', 'This reset link is not valid: it may have been used already or have expired. Ask an administrator for a new one.');
    return reply.redirect('/admin/login?done=reset', 303);
  });

  await registerUserAdminRoutes(app, deps);
}
