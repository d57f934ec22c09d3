import type { Kysely } from 'kysely';
import type { CategoryRow, Database } from '../db/schema.js';
import type { ChangeBus } from '../events.js';
import { loadSettings, type Settings } from './settings.js';
import { allCategories } from './taxonomy.repository.js';

/**
 * Settings and the category tree, read on nearly every request and changed
 * rarely, kept in memory and dropped when a change event says they changed
 * (from this instance or, relayed, from another).
 */
export class SiteState {
  private settingsValue: Promise<Settings> | null = null;
  private categoriesValue: Promise<CategoryRow[]> | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    events: ChangeBus,
    /** false: read the database every time (tests that write behind the app's back). */
    private readonly enabled = true,
  ) {
    events.on((event) => {
      if (event.kind === 'settings.changed' || event.tags.includes('settings')) this.settingsValue = null;
      if (event.kind === 'taxonomy.changed' || event.tags.some((t) => t.startsWith('category:'))) this.categoriesValue = null;
    });
  }

  settings(): Promise<Settings> {
    if (!this.enabled) return loadSettings(this.db);
    return (this.settingsValue ??= this.remember(loadSettings(this.db), () => (this.settingsValue = null)));
  }

  categories(): Promise<CategoryRow[]> {
    if (!this.enabled) return allCategories(this.db);
    return (this.categoriesValue ??= this.remember(allCategories(this.db), () => (this.categoriesValue = null)));
  }

  /** Keeps a load for reuse, unless it fails: a failed read is retried next time. */
  private remember<T>(load: Promise<T>, forget: () => void): Promise<T> {
    load.catch(forget);
    return load;
  }

  /** Forget everything (e.g. after missed cross-instance notifications). */
  reset(): void {
    this.settingsValue = null;
    this.categoriesValue = null;
  }
}
