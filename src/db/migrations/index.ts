import type { Migration } from 'kysely';
import * as m20261123120000 from './2026_11_23_120000_initial.js';
import * as m20261124010000 from './2026_11_24_010000_comment_defence.js';
import * as m20261124030000 from './2026_11_24_030000_search_index.js';
import * as m20261124040000 from './2026_11_24_040000_api.js';
import * as m20261124050000 from './2026_11_24_050000_syndication.js';
import * as m20261124060000 from './2026_11_24_060000_admin.js';
import * as m20261124070000 from './2026_11_24_070000_change_log.js';

/**
 * Every migration, by name. Listed statically rather than read from the
 * folder so that the same list works under tsx, from dist/, and in tests.
 * Names sort in the order they run; never rename or edit one once on main.
 */
export const migrations: Record<string, Migration> = {
  '2026_11_23_120000_initial': m20261123120000,
  '2026_11_24_010000_comment_defence': m20261124010000,
  '2026_11_24_030000_search_index': m20261124030000,
  '2026_11_24_040000_api': m20261124040000,
  '2026_11_24_050000_syndication': m20261124050000,
  '2026_11_24_060000_admin': m20261124060000,
  '2026_11_24_070000_change_log': m20261124070000,
};
