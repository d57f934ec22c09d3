import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table types shared by both engines. Times are ISO 8601 UTC strings
 * ("2026-11-23T21:11:10.000Z") and booleans are 0/1 integers on SQLite and
 * PostgreSQL alike, so that a row reads the same whichever engine produced it
 * (see the first migration for the reasoning).
 */
type Id = Generated<number>;
type Flag = ColumnType<number, number | undefined, number>;

export type ArticleStatus = 'draft' | 'pending' | 'scheduled' | 'published' | 'trash';
export type ArticleKind = 'news' | 'opinion' | 'review' | 'analysis';
export type ArticleType = 'post' | 'page';
export type TextDirection = 'ltr' | 'rtl';
export type CommentStatus = 'pending' | 'approved' | 'spam' | 'trash';

export interface SettingsTable {
  key: string;
  value: string;
}

export interface AuthorsTable {
  id: Id;
  slug: string;
  name: string;
  credentials: string | null;
  bio: string | null;
  /** Private; never shown on public pages. */
  email: string | null;
  website: string | null;
  created_at: string;
  updated_at: string;
}

export interface CategoriesTable {
  id: Id;
  slug: string;
  name: string;
  description: string | null;
  parent_id: number | null;
  position: ColumnType<number, number | undefined, number>;
  created_at: string;
}

export interface TagsTable {
  id: Id;
  slug: string;
  name: string;
  description: string | null;
  created_at: string;
}

export interface SeriesTable {
  id: Id;
  slug: string;
  title: string;
  description: string | null;
  created_at: string;
}

export interface SourcesTable {
  id: Id;
  slug: string;
  name: string;
  homepage_url: string | null;
  feed_url: string | null;
  show_source_line: Flag;
  /** Where rel=canonical points for stories from this outlet. */
  canonical_policy: 'original' | 'self';
  created_at: string;
  updated_at: string;
  poll_interval_minutes: ColumnType<number, number | undefined, number>;
  /** What a new item from this feed becomes. */
  mode: ColumnType<SourceMode, SourceMode | undefined, SourceMode>;
  default_category_id: number | null;
  default_author_id: number | null;
  active: Flag;
  etag: string | null;
  last_modified: string | null;
  last_fetched_at: string | null;
  /** When the poller may try again (backoff after failures). */
  next_fetch_at: string | null;
  status: ColumnType<SourceStatus, SourceStatus | undefined, SourceStatus>;
  last_error: string | null;
  failure_count: ColumnType<number, number | undefined, number>;
}

export type SourceMode = 'draft' | 'publish';
export type SourceStatus = 'new' | 'ok' | 'not-modified' | 'error';

/** One item seen in a source's feed: the memory that keeps it from being imported twice. */
export interface SyndicationItemsTable {
  id: Id;
  source_id: number;
  guid: string;
  link: string | null;
  content_hash: string;
  article_id: number | null;
  article_written_at: string | null;
  fingerprint: string | null;
  held_reason: string | null;
  created_at: string;
  updated_at: string;
}

/** What a WordPress import already brought in, keyed by the export's site and WordPress id. */
export interface WxrImportedTable {
  site: string;
  kind: string;
  wp_key: string;
  local_id: number;
  created_at: string;
}

export interface ArticlesTable {
  id: Id;
  type: ArticleType;
  slug: string;
  title: string;
  dek: string | null;
  excerpt: string | null;
  /** Plain-text teaser: the excerpt when given, else the body's opening words. */
  summary: ColumnType<string, string | undefined, string>;
  kind: ArticleKind;
  body_format: 'markdown' | 'html';
  body_source: string;
  /** Sanitized when saved; the only HTML a view prints unescaped. */
  body_html: string;
  status: ArticleStatus;
  published_at: string | null;
  created_at: string;
  updated_at: string;
  lang: string | null;
  dir: TextDirection | null;
  primary_category_id: number | null;
  featured: Flag;
  featured_image_url: string | null;
  featured_image_alt: string | null;
  featured_image_caption: string | null;
  featured_image_credit: string | null;
  featured_image_width: number | null;
  featured_image_height: number | null;
  source_id: number | null;
  original_url: string | null;
  original_author: string | null;
  series_id: number | null;
  series_part: number | null;
  comments_enabled: Flag;
  /** Optimistic lock: every save must name the version it started from. */
  version: ColumnType<number, number | undefined, number>;
  /** The account that owns the story (authors may publish their own). */
  owner_user_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** Responsive variants of the featured image, ready for srcset. */
  featured_image_srcset: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ArticleAuthorsTable {
  article_id: number;
  author_id: number;
  position: number;
}

export interface ArticleTagsTable {
  article_id: number;
  tag_id: number;
}

export interface CommentsTable {
  id: Id;
  article_id: number;
  parent_id: number | null;
  author_name: string;
  /** Private; never shown on public pages, in feeds or in APIs. */
  author_email: string;
  author_url: string | null;
  body: string;
  status: CommentStatus;
  created_at: string;
  ip_hash: string | null;
  user_agent: string | null;
  /** When a moderator last edited it; null if never. */
  updated_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface RedirectsTable {
  id: Id;
  from_path: string;
  to_path: string;
  status_code: ColumnType<number, number | undefined, number>;
  created_at: string;
}

/** Keys the application generates for itself; never shown, logged or exported. */
export interface SecretsTable {
  name: string;
  value: string;
  created_at: string;
}

/** Changes made outside the server (the masthead command), for servers to pick up. */
export interface ChangeLogTable {
  id: Generated<number>;
  origin: string;
  event: string;
  created_at: string;
}

/** Content API keys; only a hash of each key is kept. */
export interface ApiKeysTable {
  id: Id;
  label: string;
  key_hash: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhooksTable {
  id: Id;
  url: string;
  /** Comma-separated event names. */
  events: string;
  /** Signs payloads (HMAC-SHA256); never shown after creation, never logged. */
  secret: string;
  active: Flag;
  created_at: string;
}

export interface WebhookDeliveriesTable {
  id: Id;
  webhook_id: number;
  event: string;
  payload: string;
  status: WebhookDeliveryStatus;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export type UserRole = 'contributor' | 'author' | 'editor' | 'admin';

export interface UsersTable {
  id: Id;
  /** Private; lower-cased; never shown on public pages or logged. */
  email: string;
  name: string;
  role: UserRole;
  password_hash: string;
  must_change_password: Flag;
  disabled: Flag;
  author_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface LoginAttemptsTable {
  id: Id;
  key: string;
  attempted_at: string;
}

export interface PasswordResetsTable {
  token_hash: string;
  user_id: number;
  expires_at: string;
  used_at: string | null;
}

export interface ArticleRevisionsTable {
  id: Id;
  article_id: number;
  kind: 'save' | 'autosave';
  version: number;
  title: string;
  dek: string | null;
  excerpt: string | null;
  body_source: string;
  user_id: number | null;
  created_at: string;
}

export interface MediaTable {
  id: Id;
  path: string;
  original_name: string;
  mime: string;
  bytes: number;
  width: number | null;
  height: number | null;
  alt: string | null;
  variants: ColumnType<string, string | undefined, string>;
  uploaded_by: number | null;
  created_at: string;
}

/** One row per article: its words folded by src/search/fold.ts. PostgreSQL adds a tsvector column. */
export interface SearchDocumentsTable {
  article_id: number;
  title: string;
  dek: string;
  body: string;
  tags: string;
  authors: string;
  indexed_at: string;
}

/** SQLite only: the FTS5 index over search_documents (rowid = article id). */
export interface SearchFtsTable {
  rowid: number;
  title: string;
  dek: string;
  body: string;
  tags: string;
  authors: string;
}

/** How many search documents hold each folded word. */
export interface SearchTermsTable {
  term: string;
  df: number;
}

export interface Database {
  settings: SettingsTable;
  authors: AuthorsTable;
  categories: CategoriesTable;
  tags: TagsTable;
  series: SeriesTable;
  sources: SourcesTable;
  articles: ArticlesTable;
  article_authors: ArticleAuthorsTable;
  article_tags: ArticleTagsTable;
  comments: CommentsTable;
  redirects: RedirectsTable;
  secrets: SecretsTable;
  change_log: ChangeLogTable;
  syndication_items: SyndicationItemsTable;
  wxr_imported: WxrImportedTable;
  api_keys: ApiKeysTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  password_resets: PasswordResetsTable;
  article_revisions: ArticleRevisionsTable;
  media: MediaTable;
  search_documents: SearchDocumentsTable;
  search_fts: SearchFtsTable;
  search_terms: SearchTermsTable;
}

export type ArticleRow = Selectable<ArticlesTable>;
export type NewArticle = Insertable<ArticlesTable>;
export type ArticleUpdate = Updateable<ArticlesTable>;
export type AuthorRow = Selectable<AuthorsTable>;
export type CategoryRow = Selectable<CategoriesTable>;
export type TagRow = Selectable<TagsTable>;
export type SeriesRow = Selectable<SeriesTable>;
export type SourceRow = Selectable<SourcesTable>;
export type CommentRow = Selectable<CommentsTable>;
export type RedirectRow = Selectable<RedirectsTable>;
export type SyndicationItemRow = Selectable<SyndicationItemsTable>;
export type UserRow = Selectable<UsersTable>;
export type RevisionRow = Selectable<ArticleRevisionsTable>;
export type MediaRow = Selectable<MediaTable>;
