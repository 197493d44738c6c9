import { z } from 'zod';
import { EnvSchema } from './env.schema.ts';

interface JsonSchemaProperty {
  type?: string | string[];
  enum?: unknown[];
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
}

function describeType(property: JsonSchemaProperty): string {
  if (property.enum) {
    return property.enum.map((value) => `\`${String(value)}\``).join(' \\| ');
  }
  const type = Array.isArray(property.type) ? property.type.join(' \\| ') : (property.type ?? 'string');
  if (property.minimum !== undefined && property.maximum !== undefined) {
    return `${type} (${property.minimum}–${property.maximum})`;
  }
  return type;
}

/** Renders the environment variable table of `docs/configuration.md` from {@link EnvSchema}. */
export function renderConfigurationTable(): string {
  const jsonSchema = z.toJSONSchema(EnvSchema, { io: 'output', unrepresentable: 'any' }) as {
    properties: Record<string, JsonSchemaProperty>;
  };
  const lines = ['| Variable | Type | Default | Description |', '| --- | --- | --- | --- |'];
  for (const [name, property] of Object.entries(jsonSchema.properties)) {
    const defaultValue =
      property.default === undefined ? '—' : `\`${JSON.stringify(property.default).replace(/^"|"$/g, '')}\``;
    lines.push(
      `| \`${name}\` | ${describeType(property)} | ${defaultValue} | ${property.description ?? ''} |`,
    );
  }
  return lines.join('\n');
}
