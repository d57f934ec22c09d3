import type { AdminChrome } from '../views/layout.js';
import { AdminLayout, Csrf, Field } from '../views/layout.js';

export function LoginPage({ chrome, email = '', next = '', error, status }: { chrome: AdminChrome; email?: string; next?: string; error?: string | null; status?: string | null }) {
  return (
    <AdminLayout chrome={chrome} title="Sign in" error={error} notice={status}>
      <form method="post" action="/admin/login" class="narrow-form">
        <Csrf token={chrome.csrf} />
        <input type="hidden" name="next" value={next} />
        <Field name="email" label="Email" type="email" value={email} required autocomplete="username" maxLength={254} />
        <Field name="password" label="Password" type="password" required autocomplete="current-password" maxLength={200} />
        <p>
          <button type="submit">Sign in</button>
        </p>
      </form>
      <p class="hint">Forgotten your password? Ask an administrator for a reset link.</p>
    </AdminLayout>
  );
}

export function PasswordPage({ chrome, mustChange, errors = {}, notice, action = '/admin/account/password', needCurrent = true, title = 'Change your password' }: { chrome: AdminChrome; mustChange: boolean; errors?: Record<string, string>; notice?: string | null; action?: string; needCurrent?: boolean; title?: string }) {
  return (
    <AdminLayout chrome={chrome} title={title} notice={notice} error={errors._ ?? (mustChange ? 'You signed in with a one-time password. Choose your own password to continue.' : null)}>
      <form method="post" action={action} class="narrow-form">
        <Csrf token={chrome.csrf} />
        {needCurrent ? <Field name="current" label={mustChange ? 'One-time password' : 'Current password'} type="password" required autocomplete="current-password" error={errors.current} /> : null}
        <Field name="password" label="New password" type="password" required autocomplete="new-password" hint="At least 12 characters." error={errors.password} maxLength={200} />
        <Field name="confirm" label="New password again" type="password" required autocomplete="new-password" error={errors.confirm} maxLength={200} />
        <p>
          <button type="submit">Save password</button>
        </p>
      </form>
    </AdminLayout>
  );
}
