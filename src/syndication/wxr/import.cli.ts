import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { systemClock } from '../../clock.js';
import type { CliContext } from '../sources.cli.js';
import { importWxr } from './wxr-import.service.js';
import { loggingChangeBus } from '../../cache/change-log.js';
import { WxrError } from './wxr-reader.js';
import type { WxrSummary } from './wxr-context.js';

export const IMPORT_HELP = `Usage: masthead import wxr <export.xml> [--media-dir DIR]

Imports a WordPress export (Tools → Export, WXR 1.0–1.2): authors, categories,
tags, posts, pages, comments (emails kept private), featured images and
redirects from the old permalinks. Importing the same file again changes
nothing. An ill-formed export is refused with its line; nothing is written.

  --media-dir DIR   a copy of the site's wp-content/uploads folder; attachment
                    files are copied from it (missing files are listed)
`;

function progressBar(): (done: number, total: number, phase: string) => void {
  if (!process.stderr.isTTY) return () => {};
  return (done, total, phase) => {
    const width = 30;
    const filled = Math.round((done / Math.max(total, 1)) * width);
    process.stderr.write(`\r${phase.padEnd(9)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done >= total ? '\n' : ''}`);
  };
}

export function formatSummary(s: WxrSummary): string {
  const keys = Object.keys(s.created) as (keyof WxrSummary['created'])[];
  const lines = [`Imported from ${s.site}:`];
  for (const k of keys) lines.push(`  ${k.padEnd(12)} ${String(s.created[k]).padStart(6)} new${s.existing[k] ? `, ${s.existing[k]} already here` : ''}`);
  const skipped = Object.entries(s.skipped);
  if (skipped.length) {
    lines.push('Skipped:');
    for (const [why, n] of skipped) lines.push(`  ${String(n).padStart(6)}  ${why}`);
  }
  const notes = Object.entries(s.notes);
  if (notes.length) {
    lines.push('Notes:');
    for (const [what, n] of notes) lines.push(`  ${String(n).padStart(6)}  ${what}`);
  }
  if (s.copiedMedia) lines.push(`Media: ${s.copiedMedia} files copied.`);
  if (s.missingMedia.length) {
    lines.push(`Missing media (${s.missingMedia.length}), not in --media-dir:`);
    for (const m of s.missingMedia.slice(0, 50)) lines.push(`  ${m}`);
    if (s.missingMedia.length > 50) lines.push(`  … and ${s.missingMedia.length - 50} more`);
  }
  return `${lines.join('\n')}\n`;
}

/** `masthead import wxr <file>`: exit 1 (nothing written) when the export is ill-formed. */
export async function importCommand(args: string[], ctx: CliContext): Promise<void> {
  const [kind, ...rest] = args;
  if (!kind || kind === '--help' || kind === '-h') return void process.stdout.write(IMPORT_HELP);
  if (kind !== 'wxr') throw ctx.usage(`unknown import format "${kind}"; only "wxr" (WordPress) is supported`);
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, strict: true, options: { 'media-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return void process.stdout.write(IMPORT_HELP);
  if (positionals.length !== 1) throw ctx.usage('give exactly one export file: masthead import wxr <export.xml>');
  const file = positionals[0]!;
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw ctx.usage(`no such file: ${file}`);
  const mediaDir = values['media-dir'];
  if (mediaDir && !(fs.existsSync(mediaDir) && fs.statSync(mediaDir).isDirectory())) throw ctx.usage(`--media-dir ${mediaDir} is not a folder`);
  await ctx.withDatabase(async ({ db }) => {
    try {
      const summary = await importWxr(db, file, systemClock, { mediaDir: mediaDir ?? null, onProgress: progressBar() });
      // an import touches every kind of page: running servers drop everything they cached
      const changes = loggingChangeBus(db);
      changes.bus.emit({ kind: 'article.published', tags: ['*', 'lists', 'taxonomy', 'settings', 'category:*'] });
      await changes.flush();
      process.stdout.write(formatSummary(summary));
    } catch (err) {
      if (err instanceof WxrError) throw new Error(`${file}:${err.line}:${err.column}: ${err.reason}; nothing was imported`);
      throw err;
    }
  });
}
