/**
 * Regenerates the committed artifacts that are derived from code: `openapi.json` (route schemas),
 * the variable table of `docs/configuration.md` (the env schema), and the web UI's API types
 * generated from that `openapi.json` (`apps/web/src/api/schema.d.ts`). `--check` writes nothing and exits 1
 * when a committed file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderConfigurationTable } from '@youworker/config';
import { generateOpenApiDocument } from '../apps/server/src/openapi-document.ts';
import { main as generateWebClient } from '../apps/web/scripts/web-client.ts';

const root = resolve(import.meta.dirname, '..');
const check = process.argv.includes('--check');

export const configurationMarkers = { start: '<!-- env:start -->', end: '<!-- env:end -->' };

function replaceBetweenMarkers(document: string, content: string): string {
  const start = document.indexOf(configurationMarkers.start);
  const end = document.indexOf(configurationMarkers.end);
  if (start === -1 || end === -1 || end < start) {
    throw new Error('docs/configuration.md lacks the env:start/env:end markers');
  }
  return `${document.slice(0, start + configurationMarkers.start.length)}\n${content}\n${document.slice(end)}`;
}

const outputs: { path: string; content: string }[] = [
  { path: 'openapi.json', content: `${JSON.stringify(await generateOpenApiDocument(), null, 2)}\n` },
  {
    path: 'docs/configuration.md',
    content: replaceBetweenMarkers(
      readFileSync(resolve(root, 'docs/configuration.md'), 'utf8'),
      renderConfigurationTable(),
    ),
  },
];

let stale = 0;
for (const output of outputs) {
  const path = resolve(root, output.path);
  let current: string;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = '';
  }
  if (current === output.content) {
    continue;
  }
  if (check) {
    stale += 1;
    console.error(`${output.path} is out of date: run npm run generate`);
  } else {
    writeFileSync(path, output.content);
    console.log(`wrote ${output.path}`);
  }
}
// After openapi.json is written: the web client's types are generated from the file.
stale += await generateWebClient(check ? ['--check'] : []);
process.exitCode = stale ? 1 : 0;
