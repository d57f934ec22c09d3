/**
 * Shape of the demo content seeded into an empty database. The content itself
 * lives in demo-content.ts and is written by the Masthead team: it describes a
 * fictional magazine and fictional events, never text copied from an outlet.
 */
export type ArticleKind = 'news' | 'opinion' | 'review' | 'analysis';

export interface DemoComment {
  name: string;
  /** Private: stored, never shown. Use example.org / example.com addresses. */
  email: string;
  url?: string;
  body: string;
  /** Hours after the article's publication. */
  hoursAfter: number;
  status?: 'approved' | 'pending' | 'spam';
  replies?: DemoComment[];
}

export interface DemoArticle {
  slug: string;
  title: string;
  dek?: string;
  /** Optional hand-written summary; without it one is derived from the body. */
  excerpt?: string;
  kind: ArticleKind;
  /** 'page' for static pages such as About; defaults to 'post'. */
  type?: 'post' | 'page';
  /** Markdown. */
  body: string;
  /** BCP 47 language tag; defaults to the site's language. */
  lang?: string;
  dir?: 'ltr' | 'rtl';
  /** Slug of the primary category (may be a child category). Pages have none. */
  category?: string;
  tags?: string[];
  /** Author slugs, in byline order. */
  authors: string[];
  source?: { slug: string; originalUrl: string; originalAuthor?: string };
  series?: { slug: string; part: number };
  /** The lead story on the home page. */
  featured?: boolean;
  /** Publication time, in hours before the moment the demo is seeded. */
  hoursAgo: number;
  /** When the story was last updated, in hours before seeding (optional). */
  updatedHoursAgo?: number;
  /** A file in src/demo/images/ plus its description. */
  image?: { file: string; alt: string; caption?: string; credit?: string };
  commentsEnabled?: boolean;
  comments?: DemoComment[];
}

export interface DemoContent {
  site: {
    title: string;
    description: string;
    timezone: string;
    language: string;
    menu: { label: string; url: string }[];
  };
  authors: { slug: string; name: string; credentials?: string; bio: string }[];
  /** Parents must come before their children. */
  categories: { slug: string; name: string; description: string; parent?: string }[];
  tags: { slug: string; name: string }[];
  series: { slug: string; title: string; description: string }[];
  sources: {
    slug: string;
    name: string;
    homepageUrl: string;
    /** Show the "Source: <outlet>" line on the story. */
    showSourceLine: boolean;
    /** rel=canonical points at the original story, or at our copy. */
    canonical: 'original' | 'self';
  }[];
  articles: DemoArticle[];
}
