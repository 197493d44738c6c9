// @vitest-environment node
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { clientTypesUpToDate } from './web-client.ts';

describe('the web client', () => {
  it('should have API types generated from the committed openapi.json (npm run generate:web-client)', async () => {
    expect(await clientTypesUpToDate()).toBe(true);
  });

  it('should type-check with the DOM and JSX settings of apps/web/tsconfig.json', async () => {
    const root = resolve(import.meta.dirname, '../../..');
    const tsc = resolve(root, 'node_modules/typescript/bin/tsc');
    await expect(
      promisify(execFile)(process.execPath, [tsc, '-p', 'apps/web/tsconfig.json', '--noEmit'], { cwd: root }),
    ).resolves.toBeDefined();
  }, 120_000);
});
