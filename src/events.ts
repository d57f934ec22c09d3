/**
 * Change events: every write that readers could see announces what changed,
 * so that the page cache can drop exactly the pages that show it, webhooks
 * can tell subscribers, and (with PostgreSQL) other instances can do the same.
 *
 * `tags` name what a page depends on, in the same vocabulary pages use when
 * they are cached: `article:42` (a story's own text), `category:7`, `tag:3`,
 * `author:5`, `series:2`, `source:1` (their names and details), `list:category:7`
 * and the like (which stories a scoped list holds), `lists` (the site-wide
 * lists: home, feeds, sitemaps), `settings`, and `taxonomy` (added to every
 * taxonomy change, for pages naming every category or author).
 */
export type ChangeKind =
  | 'article.published'
  | 'article.updated'
  | 'article.unpublished'
  | 'article.deleted'
  | 'comment.created'
  | 'comment.approved'
  | 'comment.changed'
  | 'taxonomy.changed'
  | 'settings.changed'
  | 'redirects.changed';

export interface ChangeEvent {
  kind: ChangeKind;
  tags: string[];
  articleId?: number;
  commentId?: number;
  /**
   * Set when the change was made by another instance and relayed here
   * (PostgreSQL NOTIFY or the cluster primary). Caches act on it; side
   * effects such as webhooks must not, or they would fire once per instance.
   */
  remote?: boolean;
}

export type ChangeListener = (event: ChangeEvent) => void | Promise<void>;

export class ChangeBus {
  private readonly listeners = new Set<ChangeListener>();

  /** Subscribes; returns the function that unsubscribes. */
  on(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Tells every listener. A listener that throws or rejects never fails the
   * write that emitted the event; `onError` hears about it.
   */
  emit(event: ChangeEvent, onError: (err: unknown) => void = () => {}): void {
    for (const listener of this.listeners) {
      try {
        const result = listener(event);
        if (result && typeof (result as Promise<void>).catch === 'function') (result as Promise<void>).catch(onError);
      } catch (err) {
        onError(err);
      }
    }
  }
}

/**
 * The cache tags an article's change touches: the story itself, the site-wide
 * lists (home, feeds, sitemaps), and the scoped lists it belongs to
 * (`list:category:7` — the category page, not every page that merely shows the
 * category's name, which is `category:7` and changes only with a rename).
 */
export function articleTags(article: { id: number; primary_category_id?: number | null; series_id?: number | null; source_id?: number | null }, extra: { authorIds?: number[]; tagIds?: number[] } = {}): string[] {
  const tags = [`article:${article.id}`, 'lists'];
  if (article.primary_category_id != null) tags.push(`list:category:${article.primary_category_id}`);
  if (article.series_id != null) tags.push(`list:series:${article.series_id}`);
  if (article.source_id != null) tags.push(`list:source:${article.source_id}`);
  for (const id of extra.authorIds ?? []) tags.push(`list:author:${id}`);
  for (const id of extra.tagIds ?? []) tags.push(`list:tag:${id}`);
  return tags;
}
