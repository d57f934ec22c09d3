import type { Migration } from 'kysely';
import * as m20261123120000 from './2026_11_23_120000_initial.js';
import * as m20261124030000 from './2026_11_24_030000_search_index.js';

/**
 * Every migration, by name. Listed statically rather than read from the
 * folder so that the same list works under tsx, from dist/, and in tests.
 * Names sort in the order they run; never rename or edit one once on main.
 */
export const migrations: Record<string, Migration> = {
  '2026_11_23_120000_initial': m20261123120000,
  '2026_11_24_030000_search_index': m20261124030000,
};
