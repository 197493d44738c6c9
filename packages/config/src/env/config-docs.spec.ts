import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderConfigurationTable } from './config-docs.ts';
import { EnvSchema } from './env.schema.ts';

const documentPath = resolve(import.meta.dirname, '../../../../docs/configuration.md');

describe('docs/configuration.md', () => {
  it('should hold exactly the table generated from the schema (run `npm run generate`)', () => {
    const document = readFileSync(documentPath, 'utf8');
    const start = document.indexOf('<!-- env:start -->\n') + '<!-- env:start -->\n'.length;
    const end = document.indexOf('\n<!-- env:end -->');
    expect(document.slice(start, end)).toBe(renderConfigurationTable());
  });

  it('should describe every variable', () => {
    for (const [name, schema] of Object.entries(EnvSchema.shape)) {
      expect(schema.description, name).toBeTruthy();
    }
  });
});
