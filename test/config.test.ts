import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.database).toEqual({ engine: 'sqlite', file: './data/masthead.db' });
    expect(c.demo).toBe(true);
  });

  it('reads DATABASE_URL for both engines', () => {
    expect(loadConfig({ DATABASE_URL: 'sqlite:/tmp/x.db' }).database).toEqual({ engine: 'sqlite', file: '/tmp/x.db' });
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/news' }).database).toEqual({ engine: 'postgres', url: 'postgres://u:p@db:5432/news' });
    expect(loadConfig({ MASTHEAD_DEMO: '0' }).demo).toBe(false);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a whole number from 1 to 65535 (got "abc")'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 1 to 65535 (got "70000")'],
    [{ PORT: '-1' }, 'PORT must be a whole number'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must start with "sqlite:"'],
    [{ DATABASE_URL: 'sqlite:' }, 'needs a file path'],
    [{ MASTHEAD_DEMO: 'maybe' }, 'MASTHEAD_DEMO must be 0 or 1'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
    [{ MASTHEAD_PUBLIC_URL: 'ftp://x' }, 'MASTHEAD_PUBLIC_URL must be an http(s) URL'],
  ])('rejects %o with a clear message', (env, message) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.join('\n')).toContain(message);
  });

  it('never echoes a database password in its messages', () => {
    try {
      loadConfig({ DATABASE_URL: 'postgres://user:hunter2@' });
    } catch (e) {
      expect((e as Error).message).not.toContain('hunter2');
    }
  });
});
