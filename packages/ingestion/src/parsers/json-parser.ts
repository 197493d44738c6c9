import type { ParsedDocument } from '../document-model.ts';
import { DocumentBuilder } from './document-builder.ts';
import type { ParseContext } from './parse-context.ts';
import { parseText } from './text-parser.ts';
import { decodeText } from './text-decoding.ts';

const MAX_DEPTH = 64;
const LINES_PER_BLOCK = 200;

function keyPath(parent: string, key: string): string {
  if (/^[A-Za-z_$][\w$-]*$/.test(key)) {
    return parent === '' ? key : `${parent}.${key}`;
  }
  return `${parent}[${JSON.stringify(key)}]`;
}

function scalar(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : JSON.stringify(value);
}

/** `value` as `path: value` lines, one per leaf (`items[0].name: Widget`). */
export function flattenJson(value: unknown, path = '', lines: string[] = [], depth = 0): string[] {
  const label = path === '' ? '(root)' : path;
  if (value === null || typeof value !== 'object') {
    lines.push(`${label}: ${scalar(value)}`);
  } else if (depth >= MAX_DEPTH) {
    lines.push(`${label}: ${JSON.stringify(value)}`);
  } else if (Array.isArray(value)) {
    if (value.length === 0) {
      lines.push(`${label}: []`);
    }
    value.forEach((item, index) => flattenJson(item, `${path}[${index}]`, lines, depth + 1));
  } else {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) {
      lines.push(`${label}: {}`);
    }
    for (const [key, item] of entries) {
      flattenJson(item, keyPath(path, key), lines, depth + 1);
    }
  }
  return lines;
}

function topLevelGroups(value: unknown): [string, unknown][] {
  if (Array.isArray(value)) {
    return value.map((item, index) => [`[${index}]`, item]);
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).map(([key, item]) => [keyPath('', key), item]);
  }
  return [['', value]];
}

/**
 * JSON as flattened key paths (`order.items[0].sku: A-12`) in list blocks of at most 200 lines,
 * cut between top-level keys or array elements where possible. Chosen over a pretty-printed code block because every
 * line keeps its full path, so a chunk cut anywhere still says what each value is, and retrieval
 * is not diluted by braces and indentation. Text that is not valid JSON is parsed as plain text.
 */
export async function parseJson(bytes: Uint8Array, context: ParseContext): Promise<ParsedDocument> {
  let value: unknown;
  try {
    value = JSON.parse(decodeText(bytes)) as unknown;
  } catch {
    return parseText(bytes, context);
  }
  const builder = new DocumentBuilder(context.mimeType, context.limits.maxChars);
  let pending: string[] = [];
  const flush = (): void => {
    builder.add({ kind: 'list', text: pending.map((line) => `- ${line}`).join('\n') });
    pending = [];
  };
  for (const [path, item] of topLevelGroups(value)) {
    const lines = flattenJson(item, path);
    if (pending.length > 0 && pending.length + lines.length > LINES_PER_BLOCK) {
      flush();
    }
    for (let start = 0; start < lines.length; start += LINES_PER_BLOCK) {
      pending.push(...lines.slice(start, start + LINES_PER_BLOCK));
      if (pending.length >= LINES_PER_BLOCK) {
        flush();
      }
    }
  }
  flush();
  return builder.finish({ headingAsTitle: false, emptyMessage: 'The JSON document holds no values.' });
}
