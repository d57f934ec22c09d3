import type { ComponentChildren } from 'preact';
import { Csrf } from '../../views/layout.js';

/** A list table with a hidden caption for screen readers and a header row. */
export function ListTable({ caption, columns, children }: { caption: string; columns: string[]; children: ComponentChildren }) {
  return (
    <table class="list">
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** A secret shown on the one response that made it; the page says it will not be shown again. */
export function ShownOnce({ heading, advice, value, testId }: { heading: string; advice: string; value: string; testId: string }) {
  return (
    <section class="notice" aria-labelledby={`${testId}-heading`}>
      <h2 id={`${testId}-heading`}>{heading}</h2>
      <p>{advice}</p>
      <p>
        <code class="secret" data-testid={testId}>
          {value}
        </code>
      </p>
    </section>
  );
}

/** A headed POST form carrying the CSRF token, ending in its submit button. */
export function AddForm({ heading, action, csrf, submit, children }: { heading: string; action: string; csrf: string; submit: string; children: ComponentChildren }) {
  return (
    <>
      <h2>{heading}</h2>
      <form method="post" action={action} class="narrow-form">
        <Csrf token={csrf} />
        {children}
        <p>
          <button type="submit">{submit}</button>
        </p>
      </form>
    </>
  );
}
