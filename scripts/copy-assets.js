// Copies the files the server reads at run time (stylesheet, demo images)
// next to the compiled JavaScript, so dist/ runs on its own.
import fs from 'node:fs';

for (const [from, to] of [
  ['src/site/assets', 'dist/site/assets'],
  ['src/demo/images', 'dist/demo/images'],
  ['src/admin/assets', 'dist/admin/assets'],
]) {
  fs.cpSync(from, to, { recursive: true });
}
