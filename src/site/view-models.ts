import type { SanitizedHtml } from '../content/html.js';
import type { CommentNode } from '../comments/comments.repository.js';

/** What every page knows about the site. */
export interface SiteView {
  title: string;
  description: string;
  logoUrl: string | null;
  language: string;
  direction: 'ltr' | 'rtl';
  timezone: string;
  menu: { label: string; url: string }[];
  /** Absolute origin for canonical links, e.g. https://news.example.org */
  baseUrl: string;
  cssUrl: string;
  /** The path being shown, to mark the current menu entry. */
  currentPath: string;
}

export interface LinkView {
  name: string;
  url: string;
}

export interface AuthorLinkView extends LinkView {
  credentials: string | null;
}

export interface ImageView {
  url: string;
  /** Responsive variants ("url 640w, …") when the image came from the media library. */
  srcset?: string | null;
  alt: string;
  width: number | null;
  height: number | null;
  caption?: string | null;
  credit?: string | null;
}

export interface TeaserView {
  id: number;
  url: string;
  title: string;
  dek: string | null;
  summary: string;
  kindLabel: string | null;
  seriesLabel: string | null;
  publishedAt: string;
  publishedLabel: string;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  image: ImageView | null;
  authors: AuthorLinkView[];
  category: LinkView | null;
  /** Cache tags of what this teaser shows (the story, its category and authors). */
  deps: string[];
  /** Approved comments, shown as a link to them when there are any. */
  commentCount: number;
}

export interface SeriesNavView {
  title: string;
  url: string;
  part: number;
  total: number;
  parts: { part: number; title: string; url: string; current: boolean }[];
  previous: { title: string; url: string } | null;
  next: { title: string; url: string } | null;
}

export interface ArticleView {
  id: number;
  type: 'post' | 'page';
  url: string;
  canonicalUrl: string;
  title: string;
  dek: string | null;
  summary: string;
  kind: string;
  kindLabel: string | null;
  bodyHtml: SanitizedHtml;
  lang: string;
  dir: 'ltr' | 'rtl';
  publishedAt: string;
  publishedLabel: string;
  updatedAt: string | null;
  updatedLabel: string | null;
  authors: AuthorLinkView[];
  breadcrumb: LinkView[];
  tags: LinkView[];
  image: ImageView | null;
  source: { name: string; url: string | null; homepageUrl: string | null } | null;
  originalAuthor: string | null;
  series: SeriesNavView | null;
  checkAlso: TeaserView | null;
  /** More stories on the same subject, after the Check Also one. */
  related: TeaserView[];
  commentsEnabled: boolean;
  comments: CommentNode[];
  commentCount: number;
  /** Cache tags of everything this page shows. */
  deps: string[];
}

export interface PaginationView {
  page: number;
  totalPages: number;
  /** URL of page n. */
  pageUrls: string[];
}
