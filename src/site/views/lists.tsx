import type { ComponentChildren } from 'preact';
import type { LinkView, PaginationView, SiteView, TeaserView } from '../view-models.js';
import { Layout, type HeadView } from './layout.js';
import { Breadcrumb, Pagination, SearchForm, Teaser } from './parts.js';

export interface ListPageProps {
  site: SiteView;
  head: HeadView;
  breadcrumb: LinkView[];
  /** The heading; `eyebrow` says what kind of list it is ("Category", "Tag"…). */
  title: string;
  eyebrow?: string;
  intro?: ComponentChildren;
  children?: ComponentChildren;
  teasers: TeaserView[];
  pagination: PaginationView;
  empty?: string;
}

export function ListPage({ site, head, breadcrumb, title, eyebrow, intro, children, teasers, pagination, empty }: ListPageProps) {
  return (
    <Layout site={site} head={head}>
      <Breadcrumb items={breadcrumb} current={pagination.page > 1 ? `${title} – Page ${pagination.page}` : title} />
      <header class="list-header">
        {eyebrow ? <p class="list-header__eyebrow">{eyebrow}</p> : null}
        <h1>{title}</h1>
        {intro}
      </header>
      {children}
      {teasers.length ? (
        <div class="teaser-list">
          {teasers.map((t) => (
            <Teaser key={t.id} teaser={t} headingLevel={2} />
          ))}
        </div>
      ) : (
        <p class="empty">{empty ?? 'Nothing has been published here yet.'}</p>
      )}
      <Pagination pagination={pagination} label={`${title} pages`} />
    </Layout>
  );
}

export interface HomeSection {
  title: string;
  url: string;
  teasers: TeaserView[];
}

export function HomePage({ site, head, lead, latest, sections, moreUrl }: { site: SiteView; head: HeadView; lead: TeaserView | null; latest: TeaserView[]; sections: HomeSection[]; moreUrl: string | null }) {
  return (
    <Layout site={site} head={head}>
      <h1 class="visually-hidden">{site.title}</h1>
      {lead ? (
        <section class="home-lead" aria-label="Top story">
          <Teaser teaser={lead} size="lead" headingLevel={2} />
        </section>
      ) : (
        <p class="empty">No stories have been published yet.</p>
      )}
      {latest.length ? (
        <section class="home-latest" aria-labelledby="latest-title">
          <h2 id="latest-title" class="section-title">
            Latest
          </h2>
          <div class="teaser-grid">
            {latest.map((t) => (
              <Teaser key={t.id} teaser={t} />
            ))}
          </div>
        </section>
      ) : null}
      {sections.map((s, i) => (
        <section key={s.url} class="home-section" aria-labelledby={`section-${i}`}>
          <h2 id={`section-${i}`} class="section-title">
            <a href={s.url}>{s.title}</a>
          </h2>
          <div class="teaser-grid">
            {s.teasers.map((t) => (
              <Teaser key={t.id} teaser={t} />
            ))}
          </div>
        </section>
      ))}
      {moreUrl ? (
        <p class="more-link">
          <a href={moreUrl}>More stories →</a>
        </p>
      ) : null}
    </Layout>
  );
}

export function MessagePage({ site, head, title, message, status, children }: { site: SiteView; head: HeadView; title: string; message: string; status: number; children?: ComponentChildren }) {
  return (
    <Layout site={site} head={head}>
      <section class="message-page" data-status={status}>
        <h1>{title}</h1>
        <p>{message}</p>
        {status === 404 ? (
          <>
            <p>Try searching for it:</p>
            <SearchForm />
          </>
        ) : null}
        {children}
        <p>
          <a href="/">Go to the home page</a>
        </p>
      </section>
    </Layout>
  );
}
