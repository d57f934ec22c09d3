import { expect, it } from 'vitest';
import { describeEachEngine, useTestDatabase } from '../helpers/engines.js';
import { fixedClock } from '../../src/clock.js';
import { ChangeBus, type ChangeEvent } from '../../src/events.js';
import { startScheduler } from '../../src/admin/scheduler.js';
import { makeArticle, NOW } from '../helpers/fixtures.js';

describeEachEngine('the scheduler', (engine) => {
  const database = useTestDatabase(engine);

  it('publishes at start-up a story that fell due while the server was down, and only once across two instances', async () => {
    const { db } = database.current;
    const missed = await makeArticle(db, { title: 'Due during the outage', status: 'scheduled', publishedAt: new Date(NOW.getTime() - 10 * 60_000).toISOString() });
    const later = await makeArticle(db, { title: 'Due in an hour', status: 'scheduled', publishedAt: new Date(NOW.getTime() + 3_600_000).toISOString() });
    const clock = fixedClock(NOW);
    const events: ChangeEvent[] = [];
    const bus = new ChangeBus();
    bus.on((e) => void events.push(e));
    // two instances sharing the database start at the same moment
    const one = startScheduler({ db, clock, events: bus }, 60_000);
    const two = startScheduler({ db, clock, events: bus }, 60_000);
    const [a, b] = await Promise.all([one.tick(), two.tick()]);
    expect([...a, ...b]).toEqual([missed.id]);
    expect(events.filter((e) => e.kind === 'article.published').map((e) => e.articleId)).toEqual([missed.id]);
    const rows = await db.selectFrom('articles').select(['id', 'status']).where('id', 'in', [missed.id, later.id]).orderBy('id').execute();
    expect(rows.map((r) => r.status)).toEqual(['published', 'scheduled']);
    one.stop();
    two.stop();
  });
});
