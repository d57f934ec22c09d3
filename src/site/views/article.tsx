import type { ArticleView, SiteView } from '../view-models.js';
import { Layout, type HeadView } from './layout.js';
import { Breadcrumb, Byline, Picture, Teaser } from './parts.js';
import { TrustedHtml } from './trusted-html.js';
import { roman } from '../dates.js';
import { CommentList } from '../../comments/views/comment-list.js';
import { CommentForm, type CommentFormProps } from '../../comments/views/comment-form.js';

export interface ArticlePageProps {
  site: SiteView;
  head: HeadView;
  article: ArticleView;
  timeLabel: (iso: string) => string;
  form: CommentFormProps;
  /** A message shown above the form (e.g. "awaiting moderation"). */
  notice?: preact.ComponentChildren;
}

function SeriesNav({ series }: { series: NonNullable<ArticleView['series']> }) {
  return (
    <nav class="series-nav" aria-label="Series">
      <p class="series-nav__title">
        Part {series.part} of {series.total} in the series <a href={series.url}>{series.title}</a>
      </p>
      <ol class="series-nav__parts">
        {series.parts.map((p) => (
          <li key={p.part}>
            {p.current ? (
              <span aria-current="page">
                Part {p.part}: {p.title}
              </span>
            ) : (
              <a href={p.url}>
                Part {p.part}: {p.title}
              </a>
            )}
          </li>
        ))}
      </ol>
      <p class="series-nav__steps">
        {series.previous ? (
          <a rel="prev" href={series.previous.url}>
            ← Previous part: {series.previous.title}
          </a>
        ) : null}
        {series.next ? (
          <a rel="next" href={series.next.url}>
            Next part: {series.next.title} →
          </a>
        ) : null}
      </p>
    </nav>
  );
}

export function ArticlePage({ site, head, article, timeLabel, form, notice }: ArticlePageProps) {
  const isPost = article.type === 'post';
  return (
    <Layout site={site} head={head}>
      <Breadcrumb items={article.breadcrumb} current={article.title} />
      <article class={`article article--${article.kind}`} lang={article.lang} dir={article.dir}>
        <header class="article__header">
          {article.kindLabel || article.series ? (
            <p class="kicker">
              {article.kindLabel ? <span class="label">{article.kindLabel}</span> : null}
              {article.series ? <span class="label label--series">{`Part ${roman(article.series.part)}`}</span> : null}
            </p>
          ) : null}
          <h1 class="article__title">{article.title}</h1>
          {article.dek ? <p class="article__dek">{article.dek}</p> : null}
          {isPost ? (
            <p class="article__meta">
              <Byline authors={article.authors} />
              {article.authors.length ? <br /> : null}
              <span class="article__dates">
                <time dateTime={article.publishedAt}>{article.publishedLabel}</time>
                {article.updatedAt && article.updatedLabel ? (
                  <>
                    {' · Updated '}
                    <time dateTime={article.updatedAt}>{article.updatedLabel}</time>
                  </>
                ) : null}
              </span>
            </p>
          ) : null}
          {article.source ? (
            <p class="source-line">
              Source:{' '}
              {article.source.url ? (
                <a href={article.source.url} rel="noopener">
                  {article.source.name}
                </a>
              ) : (
                article.source.name
              )}
              {article.originalAuthor ? <span class="source-line__author"> ({article.originalAuthor})</span> : null}
            </p>
          ) : null}
        </header>
        {article.image ? (
          <figure class="article__image">
            <Picture image={article.image} priority sizes="(min-width: 48rem) 46rem, 100vw" />
            {article.image.caption || article.image.credit ? (
              <figcaption>
                {article.image.caption}
                {article.image.credit ? <span class="credit"> {article.image.credit}</span> : null}
              </figcaption>
            ) : null}
          </figure>
        ) : null}
        {article.series ? <SeriesNav series={article.series} /> : null}
        <TrustedHtml class="article__body prose" html={article.bodyHtml} />
        {article.tags.length ? (
          <footer class="article__footer">
            <h2 class="visually-hidden">Tags</h2>
            <ul class="tags">
              {article.tags.map((t) => (
                <li key={t.url}>
                  <a href={t.url} rel="tag">
                    {t.name}
                  </a>
                </li>
              ))}
            </ul>
          </footer>
        ) : null}
      </article>
      {article.checkAlso ? (
        <aside class="check-also" aria-labelledby="check-also-title">
          <h2 id="check-also-title">Check Also</h2>
          <Teaser teaser={article.checkAlso} size="normal" />
        </aside>
      ) : null}
      {article.related.length ? (
        <aside class="related" aria-labelledby="related-title">
          <h2 id="related-title">Related</h2>
          <div class="teaser-grid">
            {article.related.map((t) => (
              <Teaser key={t.id} teaser={t} size="compact" />
            ))}
          </div>
        </aside>
      ) : null}
      {isPost ? (
        <div class="discussion">
          {article.commentCount > 0 ? <CommentList comments={article.comments} count={article.commentCount} timeLabel={timeLabel} replyBase={article.commentsEnabled ? article.url : null} /> : null}
          {notice}
          {article.commentsEnabled ? <CommentForm {...form} /> : <p class="comments-closed">Comments are closed.</p>}
        </div>
      ) : null}
    </Layout>
  );
}
