#!/usr/bin/env node
// Part of `npm run lint`: no source file in app/, components/ or lib/ over 300 lines (small files,
// one concern each; a file that grows past this wants splitting). Captured-bytes fixtures are data.
import fs from 'node:fs';
import path from 'node:path';

const LIMIT = 300;
const ROOTS = ['app', 'components', 'lib'];
const tooLong = [];
function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(file);
    else if (/\.(ts|tsx|mjs|js)$/.test(entry.name) && !entry.name.endsWith('.fixtures.ts')) {
      const lines = fs.readFileSync(file, 'utf8').split('\n').length - 1;
      if (lines > LIMIT) tooLong.push(`${file}: ${lines} lines`);
    }
  }
}
for (const root of ROOTS) walk(root);
if (tooLong.length) {
  console.error(`Files over ${LIMIT} lines (split them):\n${tooLong.join('\n')}`);
  process.exit(1);
}
console.log(`No file in ${ROOTS.join('/, ')}/ over ${LIMIT} lines.`);
