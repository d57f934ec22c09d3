import type { ComponentChildren } from 'preact';
import type { UserRole } from '../../db/schema.js';
import { atLeast } from '../policies/policy.js';

/** What the admin chrome knows about the signed-in person. */
export interface AdminChrome {
  user: { name: string; role: UserRole; id: number } | null;
  csrf: string;
  cssUrl: string;
  jsUrl: string;
  currentPath: string;
}

function NavLink({ href, current, children }: { href: string; current: string; children: ComponentChildren }) {
  const active = href === '/admin/' ? current === href : current.startsWith(href);
  return (
    <li>
      <a href={href} aria-current={active ? 'page' : undefined}>
        {children}
      </a>
    </li>
  );
}

/** The admin menu, and the least role that sees each entry (the server checks again). */
const NAV: { href: string; label: string; role: UserRole }[] = [
  { href: '/admin/articles/', label: 'Stories', role: 'contributor' },
  { href: '/admin/articles/new', label: 'Write', role: 'contributor' },
  { href: '/admin/media/', label: 'Media', role: 'contributor' },
  { href: '/admin/comments/', label: 'Comments', role: 'editor' },
  { href: '/admin/categories/', label: 'Categories', role: 'editor' },
  { href: '/admin/tags/', label: 'Tags', role: 'editor' },
  { href: '/admin/series/', label: 'Series', role: 'editor' },
  { href: '/admin/sources/', label: 'Sources', role: 'editor' },
  { href: '/admin/authors/', label: 'Authors', role: 'editor' },
  { href: '/admin/users/', label: 'Accounts', role: 'admin' },
  { href: '/admin/settings', label: 'Settings', role: 'admin' },
  { href: '/admin/api-keys/', label: 'API & webhooks', role: 'admin' },
];

export function AdminLayout({ chrome, title, notice, error, children }: { chrome: AdminChrome; title: string; notice?: string | null; error?: string | null; children: ComponentChildren }) {
  const user = chrome.user;
  const cur = chrome.currentPath;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${title} – Newsroom`}</title>
        <link rel="stylesheet" href={chrome.cssUrl} />
        <script src={chrome.jsUrl} defer></script>
      </head>
      <body class="admin">
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="admin-header">
          <a class="admin-brand" href="/admin/">
            Newsroom
          </a>
          {user ? (
            <nav aria-label="Newsroom">
              <ul>
                {NAV.filter((item) => atLeast(user, item.role)).map((item) => (
                  <NavLink key={item.href} href={item.href} current={cur}>
                    {item.label}
                  </NavLink>
                ))}
              </ul>
            </nav>
          ) : null}
          {user ? (
            <div class="admin-user">
              <a href="/admin/account/password">
                {user.name} ({user.role})
              </a>
              <form method="post" action="/admin/logout">
                <input type="hidden" name="_csrf" value={chrome.csrf} />
                <button type="submit" class="link-button">
                  Sign out
                </button>
              </form>
            </div>
          ) : null}
        </header>
        <main id="main" class="admin-main">
          <h1>{title}</h1>
          {notice ? (
            <p class="notice" role="status">
              {notice}
            </p>
          ) : null}
          {error ? (
            <p class="error" role="alert">
              {error}
            </p>
          ) : null}
          {children}
        </main>
      </body>
    </html>
  );
}

/** The hidden CSRF field every state-changing form carries. */
export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** A labelled text input with its error message tied to it for screen readers. */
export function Field(props: { name: string; label: string; value?: string | number | null; type?: string; error?: string; required?: boolean; hint?: string; autocomplete?: string; maxLength?: number; dir?: 'ltr' | 'rtl'; lang?: string }) {
  const id = `f-${props.name}`;
  const describedBy = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <p class={props.error ? 'field field--error' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        required={props.required}
        autocomplete={props.autocomplete}
        maxLength={props.maxLength}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy}
        dir={props.dir}
        lang={props.lang}
      />
      <FieldError id={id} error={props.error} />
    </p>
  );
}

export function Select(props: { name: string; label: string; value: string | number | null | undefined; options: { value: string | number; label: string }[]; empty?: string; error?: string; multiple?: boolean; values?: (string | number)[] }) {
  const id = `f-${props.name}`;
  const selected = (v: string | number) => (props.multiple ? (props.values ?? []).map(String).includes(String(v)) : String(props.value ?? '') === String(v));
  return (
    <p class={props.error ? 'field field--error' : 'field'}>
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name} multiple={props.multiple} aria-invalid={props.error ? 'true' : undefined} aria-describedby={props.error ? `${id}-error` : undefined}>
        {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={selected(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={id} error={props.error} />
    </p>
  );
}

/** A labelled textarea with its hint and error tied to it for screen readers. */
export function TextArea({ name, label, value, rows = 3, hint, error }: { name: string; label: string; value: string; rows?: number; hint?: string; error?: string }) {
  const id = `f-${name}`;
  return (
    <p class={error ? 'field field--error' : 'field'}>
      <label for={id}>{label}</label>
      {hint ? (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      <textarea id={id} name={name} rows={rows} aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].join(' ').trim() || undefined} aria-invalid={error ? 'true' : undefined}>
        {value}
      </textarea>
      <FieldError id={id} error={error} />
    </p>
  );
}

function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <span class="field-error" id={`${id}-error`}>
      {error}
    </span>
  ) : null;
}
