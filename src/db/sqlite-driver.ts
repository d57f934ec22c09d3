import type SQLite from 'better-sqlite3';
import { CompiledQuery, SelectQueryNode, SqliteDialect, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';

/**
 * Our own driver for Kysely over better-sqlite3. Kysely's SqliteDriver guards
 * its single connection with a lock that wakes every waiter on each release,
 * and the first to run wins: under load (a busy article page makes eight
 * queries, with dozens of requests in flight) that is quadratic churn, and a
 * request can lose the race again and again until its client times out. This
 * one hands the connection to waiters strictly in arrival order, one at a
 * time, and keeps prepared statements for reuse.
 */

/** A first-come, first-served lock: each release hands over to the oldest waiter only. */
export class FifoLock {
  #held = false;
  readonly #waiting: (() => void)[] = [];

  acquire(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  release(): void {
    const next = this.#waiting.shift();
    if (next) next(); // stays held, now by the next in line
    else this.#held = false;
  }

  get waiting(): number {
    return this.#waiting.length;
  }
}

/**
 * Prepared statements by SQL text: preparing is a good part of a small
 * query's cost, and better-sqlite3 statements are reusable (one runs at a
 * time). The most recently used few hundred are kept.
 */
class StatementCache {
  readonly #statements = new Map<string, SQLite.Statement>();
  constructor(private readonly sqlite: SQLite.Database, private readonly size: number) {}

  get(sql: string): SQLite.Statement {
    let statement = this.#statements.get(sql);
    if (statement) {
      this.#statements.delete(sql);
    } else {
      statement = this.sqlite.prepare(sql);
      if (this.#statements.size >= this.size) this.#statements.delete(this.#statements.keys().next().value!);
    }
    this.#statements.set(sql, statement);
    return statement;
  }
}

class Connection implements DatabaseConnection {
  constructor(private readonly statements: StatementCache) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.statements.get(query.sql);
    if (statement.reader) return Promise.resolve({ rows: statement.all(query.parameters) as R[] });
    const { changes, lastInsertRowid } = statement.run(query.parameters);
    return Promise.resolve({ rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) });
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(query.query)) throw new Error('SQLite can only stream SELECT queries');
    for (const row of this.statements.get(query.sql).iterate(query.parameters)) yield { rows: [row as R] };
  }
}

class FairSqliteDriver implements Driver {
  readonly #lock = new FifoLock();
  readonly #connection: Connection;

  constructor(private readonly sqlite: SQLite.Database) {
    this.#connection = new Connection(new StatementCache(sqlite, 500));
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#lock.acquire();
    return this.#connection;
  }

  async releaseConnection(): Promise<void> {
    this.#lock.release();
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async destroy(): Promise<void> {
    this.sqlite.close();
  }
}

/** Kysely's SQLite dialect (compiler, adapter, introspector) with the driver above. */
export class FairSqliteDialect extends SqliteDialect {
  constructor(private readonly sqlite: SQLite.Database) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    return new FairSqliteDriver(this.sqlite);
  }
}
