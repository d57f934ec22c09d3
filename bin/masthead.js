#!/usr/bin/env node
// The `masthead` command. In a checkout it runs the TypeScript source through
// tsx, so it works straight after `npm install` and never runs a stale build;
// a package shipped without src/ runs the compiled dist/cli.js instead.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const source = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
if (existsSync(source)) {
  const { tsImport } = await import('tsx/esm/api');
  await tsImport(pathToFileURL(source).href, import.meta.url);
} else {
  await import(new URL('../dist/cli.js', import.meta.url).href);
}
