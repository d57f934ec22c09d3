import { parseArgs } from 'node:util';
import { parseId, table, validating, type CliEnv } from '../api-cli.js';
import { listApiKeys, revokeApiKey } from './api-keys.repository.js';
import { loggingChangeBus } from '../../cache/change-log.js';
import { createApiKey } from './api-keys.service.js';

export const API_KEYS_HELP = `Usage: masthead api-keys <add --name <label> | list | revoke <id>>

Content API keys, for clients of the Ghost Content API (/ghost/api/content/)
and, optionally, the WordPress REST API (/wp-json/).

  add --name <label>   make a key and print it; it is shown this once only
                       (only a hash is stored)
  list                 the keys: id, name, when made, last used, revoked
  revoke <id>          stop a key working, at once
`;

/** `masthead api-keys …` */
export async function apiKeysCommand(args: string[], env: CliEnv): Promise<void> {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({ args: rest, options: { name: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  if (!action || action === 'help' || action === '--help' || action === '-h' || values.help) return env.out(API_KEYS_HELP);
  if (action === 'add') {
    if (positionals.length) throw env.usage(`unexpected "${positionals[0]}"; use: masthead api-keys add --name <label>`);
    if (values.name === undefined) throw env.usage('give the key a name: masthead api-keys add --name <label>');
    const name = values.name;
    await env.withDatabase(async ({ db }) => {
      const { id, key } = await validating(env, () => createApiKey(db, name, env.clock));
      env.out(`Content API key ${id} ("${name.trim()}"):\n${key}\nCopy it now: it is not shown again.\n`);
    });
    return;
  }
  if (action === 'list') {
    await env.withDatabase(async ({ db }) => {
      const keys = await listApiKeys(db);
      if (keys.length === 0) return env.out('No content API keys. Make one with: masthead api-keys add --name <label>\n');
      env.out(table([['ID', 'NAME', 'CREATED', 'LAST USED', 'STATUS'], ...keys.map((k) => [String(k.id), k.label, k.created_at, k.last_used_at ?? '-', k.revoked_at ? `revoked ${k.revoked_at}` : 'active'])]));
    });
    return;
  }
  if (action === 'revoke') {
    const id = parseId(env, positionals[0], 'key');
    await env.withDatabase(async ({ db }) => {
      if (!(await revokeApiKey(db, id, env.clock.now().toISOString()))) throw env.usage(`there is no active key ${id}; see masthead api-keys list`);
      // running servers drop API answers they cached for any key
      const changes = loggingChangeBus(db);
      changes.bus.emit({ kind: 'settings.changed', tags: ['apikeys'] });
      await changes.flush();
      env.out(`Revoked content API key ${id}.\n`);
    });
    return;
  }
  throw env.usage(`unknown api-keys action "${action}"; use add, list or revoke`);
}
