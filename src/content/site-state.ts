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
    if (!this.settingsValue) {
      const p = loadSettings(this.db);
      p.catch(() => {
        if (this.settingsValue === p) this.settingsValue = null;
      });
      this.settingsValue = p;
    }
    return this.settingsValue;
  }

  categories(): Promise<CategoryRow[]> {
    if (!this.enabled) return allCategories(this.db);
    if (!this.categoriesValue) {
      const p = allCategories(this.db);
      p.catch(() => {
        if (this.categoriesValue === p) this.categoriesValue = null;
      });
      this.categoriesValue = p;
    }
    return this.categoriesValue;
  }

  /** Forget everything (e.g. after missed cross-instance notifications). */
  reset(): void {
    this.settingsValue = null;
    this.categoriesValue = null;
  }
}
