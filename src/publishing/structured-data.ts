import type { Settings } from '../content/settings.js';
import type { ArticleView } from '../site/view-models.js';
import { absoluteUrl } from './image-info.js';
import { xmlText } from './xml.js';

const ARTICLE_TYPES: Record<string, string> = { news: 'NewsArticle', opinion: 'OpinionNewsArticle', review: 'ReviewNewsArticle', analysis: 'AnalysisNewsArticle' };

/** Where the publisher's logo is: the site's logo, else the generated wordmark. */
export function publisherLogoUrl(settings: Settings, baseUrl: string): string {
  return settings.logoUrl ? absoluteUrl(baseUrl, settings.logoUrl) : `${baseUrl}/publisher-logo.svg`;
}

/** The site as a schema.org Organization with its logo, the publisher of every story. */
export function publisherJsonLd(settings: Settings, baseUrl: string) {
  return { '@type': 'Organization', name: settings.title, url: `${baseUrl}/`, logo: { '@type': 'ImageObject', url: publisherLogoUrl(settings, baseUrl) } };
}

/**
 * NewsArticle, or OpinionNewsArticle / ReviewNewsArticle / AnalysisNewsArticle
 * by the story's kind (a static page is a WebPage), as Google's article rich
 * results read it. A credited wire story names what it is based on.
 */
export function articleJsonLd(article: ArticleView, settings: Settings, baseUrl: string) {
  const pageUrl = baseUrl + article.url;
  const image = article.image ? absoluteUrl(baseUrl, article.image.url) : undefined;
  if (article.type === 'page') {
    return { '@context': 'https://schema.org', '@type': 'WebPage', '@id': pageUrl, url: pageUrl, name: article.title, description: article.dek ?? article.summary, inLanguage: article.lang, publisher: publisherJsonLd(settings, baseUrl) };
  }
  const authors = article.authors.length
    ? article.authors.map((a) => ({ '@type': 'Person', name: a.name, url: baseUrl + a.url, ...(a.credentials ? { honorificSuffix: a.credentials } : {}) }))
    : article.originalAuthor
      ? [{ '@type': 'Person', name: article.originalAuthor }]
      : [{ '@type': 'Organization', name: settings.title, url: `${baseUrl}/` }];
  const section = sectionOf(article);
  return {
    '@context': 'https://schema.org',
    '@type': ARTICLE_TYPES[article.kind] ?? 'NewsArticle',
    '@id': `${pageUrl}#article`,
    mainEntityOfPage: { '@type': 'WebPage', '@id': article.canonicalUrl },
    url: pageUrl,
    // Google shows at most 110 characters of a headline
    headline: article.title.length > 110 ? `${article.title.slice(0, 109)}…` : article.title,
    ...(article.dek || article.summary ? { description: article.dek ?? article.summary } : {}),
    ...(image ? { image: [image] } : {}),
    datePublished: article.publishedAt,
    dateModified: article.updatedAt ?? article.publishedAt,
    inLanguage: article.lang,
    author: authors,
    publisher: publisherJsonLd(settings, baseUrl),
    ...(section ? { articleSection: section } : {}),
    ...(article.tags.length ? { keywords: article.tags.map((t) => t.name) } : {}),
    ...(article.source
      ? { ...(article.source.url ? { isBasedOn: article.source.url } : {}), sourceOrganization: { '@type': 'Organization', name: article.source.name, ...(article.source.homepageUrl ? { url: article.source.homepageUrl } : {}) } }
      : {}),
  };
}

/** The story's section: the last category in its breadcrumb, if any. */
function sectionOf(article: ArticleView): string | null {
  return article.breadcrumb.length > 1 ? article.breadcrumb[article.breadcrumb.length - 1]!.name : null;
}

/** OpenGraph article:* facts for a story's head; none for a static page. */
export function articleOpenGraph(article: ArticleView) {
  if (article.type !== 'post') return undefined;
  return { publishedTime: article.publishedAt, modifiedTime: article.updatedAt ?? article.publishedAt, section: sectionOf(article), tags: article.tags.map((t) => t.name) };
}

/** A plain wordmark in SVG, so that structured data always has a publisher logo (600×60, as Google asks). */
export function wordmarkSvg(title: string): string {
  const safe = xmlText(title);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="60" viewBox="0 0 600 60"><rect width="600" height="60" fill="#fff"/><text x="10" y="42" font-family="Georgia, serif" font-size="36" fill="#111">${safe}</text></svg>\n`;
}
