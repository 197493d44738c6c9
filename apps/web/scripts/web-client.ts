import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';

/** The repository root, the committed contract, and the generated client types. */
const root = resolve(import.meta.dirname, '../../..');
export const openApiFile = resolve(root, 'openapi.json');
export const generatedFile = resolve(root, 'apps/web/src/api/schema.d.ts');

const header =
  '/**\n * Generated from openapi.json by `npm run generate:web-client` (openapi-typescript). Do not edit.\n */\n';

/** The client types for the current openapi.json, formatted as the repository formats TypeScript. */
export async function renderClientTypes(): Promise<string> {
  const document = JSON.parse(await readFile(openApiFile, 'utf8')) as Parameters<typeof openapiTS>[0];
  const ast = await openapiTS(document, { alphabetize: false, exportType: true, defaultNonNullable: false });
  const options = (await resolveConfig(generatedFile)) ?? {};
  return format(header + astToString(ast), { ...options, filepath: generatedFile });
}

/** Whether the committed types match openapi.json. */
export async function clientTypesUpToDate(): Promise<boolean> {
  const [expected, actual] = await Promise.all([
    renderClientTypes(),
    readFile(generatedFile, 'utf8').catch(() => ''),
  ]);
  return expected === actual;
}

/** Writes the client types (or, with `--check`, exits 1 when they are stale). */
export async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--check')) {
    if (await clientTypesUpToDate()) {
      return 0;
    }
    console.error('apps/web/src/api/schema.d.ts is stale: run `npm run generate:web-client`');
    return 1;
  }
  await writeFile(generatedFile, await renderClientTypes());
  console.log('wrote apps/web/src/api/schema.d.ts');
  return 0;
}
