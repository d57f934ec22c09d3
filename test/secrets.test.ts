import { expect, it } from 'vitest';
import { describeEachEngine, useTestDatabase } from './helpers/engines.js';
import { siteSecret } from '../src/secrets.js';

describeEachEngine('site secrets', (engine) => {
  const database = useTestDatabase(engine);

  it('are made once per name, kept in the database and differ by purpose', async () => {
    const { db } = database.current;
    const [a, b] = await Promise.all([siteSecret(db, 'forms'), siteSecret(db, 'forms')]);
    expect(a.length).toBe(32);
    expect(a.equals(b)).toBe(true);
    const other = await siteSecret(db, 'ip-hash');
    expect(other.equals(a)).toBe(false);
    const row = await db.selectFrom('secrets').select('value').where('name', '=', 'forms').executeTakeFirstOrThrow();
    expect(Buffer.from(row.value, 'base64url').equals(a)).toBe(true);
  });
});
