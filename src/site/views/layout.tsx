import type { ComponentChildren } from 'preact';
import type { SiteView } from '../view-models.js';
import { JsonLd } from './trusted-html.js';
import { SearchForm } from './parts.js';
import { feedLinks, type FeedLink } from '../../publishing/feed-links.js';

export interface HeadView {
  title: string;
  description?: string | null;
  canonical?: string | null;
  noindex?: boolean;
  /** Machine-readable data for search engines. */
  jsonLd?: unknown[];
  /** Content language and direction of the page's main content. */
  lang?: string;
  dir?: 'ltr' | 'rtl';
  ogType?: 'website' | 'article';
  image?: string | null;
  imageAlt?: string | null;
  /** OpenGraph article:* facts for a story. */
  article?: { publishedTime: string; modifiedTime: string; section: string | null; tags: string[] };
  /** Autodiscovery links for this page's own feeds; the site's feeds are always added. */
  feeds?: FeedLink[];
}

export function Layout({ site, head, children }: { site: SiteView; head: HeadView; children: ComponentChildren }) {
  const fullTitle = head.title === site.title ? site.title : `${head.title} – ${site.title}`;
  return (
    <html lang={site.language} dir={site.direction}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {head.description ? <meta name="description" content={head.description} /> : null}
        {head.canonical ? <link rel="canonical" href={head.canonical} /> : null}
        {head.noindex ? <meta name="robots" content="noindex, follow" /> : null}
        <meta property="og:site_name" content={site.title} />
        <meta property="og:title" content={head.title} />
        <meta property="og:type" content={head.ogType ?? 'website'} />
        {head.canonical ? <meta property="og:url" content={head.canonical} /> : null}
        {head.description ? <meta property="og:description" content={head.description} /> : null}
        {head.image ? <meta property="og:image" content={head.image} /> : null}
        {head.image && head.imageAlt ? <meta property="og:image:alt" content={head.imageAlt} /> : null}
        <meta property="og:locale" content={site.language.replace('-', '_')} />
        {head.article ? (
          <>
            <meta property="article:published_time" content={head.article.publishedTime} />
            <meta property="article:modified_time" content={head.article.modifiedTime} />
            {head.article.section ? <meta property="article:section" content={head.article.section} /> : null}
            {head.article.tags.map((t) => (
              <meta key={t} property="article:tag" content={t} />
            ))}
          </>
        ) : null}
        <meta name="twitter:card" content={head.image ? 'summary_large_image' : 'summary'} />
        <meta name="twitter:title" content={head.title} />
        {head.description ? <meta name="twitter:description" content={head.description} /> : null}
        {head.image ? <meta name="twitter:image" content={head.image} /> : null}
        {head.image && head.imageAlt ? <meta name="twitter:image:alt" content={head.imageAlt} /> : null}
        {[...(head.feeds ?? []), ...feedLinks('/', site.title)].map((f) => (
          <link key={f.url} rel="alternate" type={f.type} title={f.title} href={f.url} />
        ))}
        <link rel="stylesheet" href={site.cssUrl} />
        {(head.jsonLd ?? []).map((data, i) => (
          <JsonLd key={i} data={data} />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="site-header">
          <div class="wrap site-header__inner">
            <a class="site-title" href="/" rel="home">
              {site.logoUrl ? <img src={site.logoUrl} alt={site.title} height={40} /> : site.title}
            </a>
            <p class="site-description">{site.description}</p>
          </div>
          <nav class="site-nav" aria-label="Main">
            <div class="wrap site-nav__inner">
              <ul>
                <li>
                  <a href="/" aria-current={site.currentPath === '/' ? 'page' : undefined}>
                    Home
                  </a>
                </li>
                {site.menu.map((item) => (
                  <li key={item.url}>
                    <a href={item.url} aria-current={site.currentPath === item.url ? 'page' : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
              <SearchForm compact />
            </div>
          </nav>
        </header>
        <main id="main" class="wrap site-main" lang={head.lang} dir={head.dir}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              <a href="/">{site.title}</a> · {site.description}
            </p>
            <p class="site-footer__small">Published with Masthead.</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
