import type { AuthorLinkView, ImageView, LinkView, PaginationView, TeaserView } from '../view-models.js';

export function SearchForm({ compact = false, query = '' }: { compact?: boolean; query?: string }) {
  const id = compact ? 'search-q-nav' : 'search-q';
  return (
    <form class={compact ? 'search-form search-form--compact' : 'search-form'} role="search" method="get" action="/search/">
      <label for={id} class={compact ? 'visually-hidden' : undefined}>
        Search the site
      </label>
      <input id={id} type="search" name="q" value={query} maxLength={200} placeholder="Search…" />
      <button type="submit">Search</button>
    </form>
  );
}

export function Byline({ authors, prefix = 'By' }: { authors: AuthorLinkView[]; prefix?: string }) {
  if (authors.length === 0) return null;
  return (
    <span class="byline">
      {prefix}{' '}
      {authors.map((a, i) => (
        <>
          {i > 0 ? (i === authors.length - 1 ? ' and ' : ', ') : null}
          <a href={a.url} rel="author" class="byline__author">
            {a.name}
            {a.credentials ? `, ${a.credentials}` : ''}
          </a>
        </>
      ))}
    </span>
  );
}

export function Breadcrumb({ items, current }: { items: LinkView[]; current: string }) {
  return (
    <nav class="breadcrumb" aria-label="Breadcrumb">
      <ol>
        {items.map((item) => (
          <li key={item.url}>
            <a href={item.url}>{item.name}</a>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}

export function Picture({ image, sizes, priority = false }: { image: ImageView; sizes?: string; priority?: boolean }) {
  return (
    <img
      src={image.url}
      srcset={image.srcset ?? undefined}
      alt={image.alt}
      width={image.width ?? undefined}
      height={image.height ?? undefined}
      sizes={sizes}
      loading={priority ? 'eager' : 'lazy'}
      decoding="async"
      fetchpriority={priority ? 'high' : undefined}
    />
  );
}

export function Kicker({ teaser }: { teaser: Pick<TeaserView, 'kindLabel' | 'seriesLabel' | 'category'> }) {
  const parts = [teaser.kindLabel, teaser.seriesLabel].filter(Boolean);
  if (parts.length === 0 && !teaser.category) return null;
  return (
    <p class="kicker">
      {teaser.kindLabel ? <span class="label">{teaser.kindLabel}</span> : null}
      {teaser.seriesLabel ? <span class="label label--series">{teaser.seriesLabel}</span> : null}
      {!teaser.kindLabel && teaser.category ? <a href={teaser.category.url}>{teaser.category.name}</a> : null}
    </p>
  );
}

export function Teaser({ teaser, size = 'normal', headingLevel = 3 }: { teaser: TeaserView; size?: 'lead' | 'normal' | 'compact'; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article class={`teaser teaser--${size}`} lang={teaser.lang ?? undefined} dir={teaser.dir ?? undefined}>
      {teaser.image && size !== 'compact' ? (
        <a class="teaser__image" href={teaser.url} tabIndex={-1} aria-hidden="true">
          <Picture image={teaser.image} priority={size === 'lead'} sizes={size === 'lead' ? '(min-width: 60rem) 60rem, 100vw' : '(min-width: 60rem) 20rem, 100vw'} />
        </a>
      ) : null}
      <div class="teaser__text">
        <Kicker teaser={teaser} />
        <H class="teaser__title">
          <a href={teaser.url}>{teaser.title}</a>
        </H>
        {teaser.dek && size === 'lead' ? <p class="teaser__dek">{teaser.dek}</p> : null}
        {size !== 'compact' && teaser.summary ? <p class="teaser__summary">{teaser.summary}</p> : null}
        <p class="teaser__meta">
          <Byline authors={teaser.authors} />
          {teaser.authors.length ? ' · ' : null}
          <time dateTime={teaser.publishedAt}>{teaser.publishedLabel}</time>
          {teaser.commentCount > 0 ? (
            <>
              {' · '}
              <a class="teaser__comments" href={`${teaser.url}#comments`}>
                {teaser.commentCount === 1 ? '1 comment' : `${teaser.commentCount} comments`}
              </a>
            </>
          ) : null}
        </p>
      </div>
    </article>
  );
}

export function Pagination({ pagination, label }: { pagination: PaginationView; label: string }) {
  const { page, totalPages, pageUrls } = pagination;
  if (totalPages <= 1) return null;
  const shown = new Set([1, totalPages, page - 1, page, page + 1].filter((n) => n >= 1 && n <= totalPages));
  const numbers = [...shown].sort((a, b) => a - b);
  return (
    <nav class="pagination" aria-label={label}>
      {page > 1 ? (
        <a class="pagination__prev" rel="prev" href={pageUrls[page - 2]}>
          ← Newer
        </a>
      ) : null}
      <ol>
        {numbers.map((n, i) => (
          <>
            {i > 0 && n - numbers[i - 1]! > 1 ? <li class="pagination__gap">…</li> : null}
            <li key={n}>
              {n === page ? (
                <span aria-current="page">{n}</span>
              ) : (
                <a href={pageUrls[n - 1]} aria-label={`Page ${n}`}>
                  {n}
                </a>
              )}
            </li>
          </>
        ))}
      </ol>
      {page < totalPages ? (
        <a class="pagination__next" rel="next" href={pageUrls[page]}>
          Older →
        </a>
      ) : null}
    </nav>
  );
}
