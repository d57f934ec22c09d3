import type { PaginationView, SiteView } from '../../site/view-models.js';
import { Layout, type HeadView } from '../../site/views/layout.js';
import { Breadcrumb, Byline, Kicker, Pagination } from '../../site/views/parts.js';
import type { SearchResultView } from '../search.service.js';
import type { SnippetPart } from '../snippet.js';

export interface SearchFormValues {
  q: string;
  category: string;
  author: string;
  from: string;
  to: string;
}

export interface SearchPageProps {
  site: SiteView;
  head: HeadView;
  title: string;
  values: SearchFormValues;
  categories: { slug: string; name: string }[];
  authors: { slug: string; name: string }[];
  /** Problems with the form, shown above the results. */
  errors: string[];
  notices: string[];
  searched: boolean;
  total: number;
  /** More matched than were weighed. */
  capped?: boolean;
  results: SearchResultView[];
  pagination: PaginationView;
}

/** Marked words in <mark>; everything else is text, escaped like any other. */
export function Snippet({ parts }: { parts: SnippetPart[] }) {
  return <p class="search-result__snippet">{parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : p.text))}</p>;
}

function Choice({ label, name, anyLabel, options, selected }: { label: string; name: string; anyLabel: string; options: { slug: string; name: string }[]; selected: string }) {
  return (
    <label>
      {label}{' '}
      <select name={name}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.slug} value={o.slug} selected={o.slug === selected}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function Filters({ values, categories, authors }: Pick<SearchPageProps, 'values' | 'categories' | 'authors'>) {
  return (
    <form class="search-form search-form--page search-filters" role="search" method="get" action="/search/">
      <label for="search-page-q">Search the site</label>
      <input id="search-page-q" type="search" name="q" value={values.q.slice(0, 200)} maxLength={200} />
      <button type="submit">Search</button>
      <fieldset class="search-filters__more">
        <legend>Narrow it down</legend>
        <Choice label="Section" name="category" anyLabel="Any section" options={categories} selected={values.category} />
        <Choice label="Author" name="author" anyLabel="Any author" options={authors} selected={values.author} />
        <label>
          From <input type="date" name="from" value={values.from} />
        </label>
        <label>
          To <input type="date" name="to" value={values.to} />
        </label>
      </fieldset>
    </form>
  );
}

export function SearchPage(props: SearchPageProps) {
  const { site, head, title, errors, notices, searched, total, capped, results, pagination } = props;
  return (
    <Layout site={site} head={head}>
      <Breadcrumb items={[{ name: 'Home', url: '/' }]} current={title} />
      <header class="list-header">
        <h1>{title}</h1>
        {searched && !errors.length ? <p class="list-header__intro search-count">{capped ? `More than ${total.toLocaleString('en')} stories found.` : total === 1 ? '1 story found.' : `${total.toLocaleString('en')} stories found.`}</p> : null}
      </header>
      <Filters values={props.values} categories={props.categories} authors={props.authors} />
      {errors.length || notices.length ? (
        <ul class="search-notices" role="status">
          {[...errors, ...notices].map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      {results.length ? (
        <div class="teaser-list search-results">
          {results.map((r) => (
            <article key={r.id} class="teaser search-result" lang={r.lang ?? undefined} dir={r.dir ?? undefined}>
              <div class="teaser__text">
                <Kicker teaser={r} />
                <h2 class="teaser__title">
                  <a href={r.url}>{r.title}</a>
                </h2>
                <Snippet parts={r.snippet} />
                <p class="teaser__meta">
                  <Byline authors={r.authors} />
                  {r.authors.length ? ' · ' : null}
                  <time dateTime={r.publishedAt}>{r.publishedLabel}</time>
                </p>
              </div>
            </article>
          ))}
        </div>
      ) : (
        <p class="empty">{searched ? 'No stories matched your search. Try fewer or different words.' : 'Type a few words to search the stories.'}</p>
      )}
      <Pagination pagination={pagination} label="Search result pages" />
    </Layout>
  );
}
