import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import { fixedClock } from '../../src/clock.js';
import { createApiKey } from '../../src/api/api-keys/api-keys.service.js';
import { NOW, seedNewsroom } from '../helpers/fixtures.js';

/** The newsroom fixture plus a content API key. */
export async function seedApi(db: Kysely<Database>) {
  const seeded = await seedNewsroom(db);
  const { key } = await createApiKey(db, 'test client', fixedClock(NOW));
  return { ...seeded, key };
}

/** Every private string the fixtures hold: none may appear in any API answer. */
export const PRIVATE_MARKERS = ['Secret draft headline', 'secret-draft', 'Embargoed future story', 'embargoed-future', 'leila-private@example.org', 'marker-one@example.org', 'marker-two@example.org', 'marker-three@example.org', 'marker-held@example.org', 'marker-spam@example.org', 'Held comment text', 'Buy pills'];
