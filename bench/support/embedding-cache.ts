/**
 * A file-backed cache of document embeddings for benchmarks that embed the same corpus run after
 * run (USE-lite needs minutes for SciFact on two cores). Vectors are keyed by the SHA-256 of the
 * model id and the text, stored as base64 float32 in one JSON file under the OS temp directory.
 * Queries are never cached, so their latency stays real.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Embedder, EmbedOptions } from '@youworker/llm';

interface CacheFile {
  model: string;
  entries: Record<string, string>;
}

/** A caching {@link Embedder} plus what it did. */
export interface EmbeddingCache {
  embedder: Embedder;
  /** Where the cache lives. */
  readonly path: string;
  /** Whether the document embedding of `text` is cached. */
  has(text: string): boolean;
  readonly hits: number;
  readonly misses: number;
  save(): void;
}

function keyOf(model: string, text: string): string {
  return createHash('sha256').update(model).update('\u0000').update(text).digest('hex');
}

function encode(vector: readonly number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString('base64');
}

function decode(text: string): number[] {
  const bytes = Buffer.from(text, 'base64');
  return Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4));
}

/** Wraps `inner`: document embeddings come from (and go to) `<tmpdir>/youworker-bench/<name>.json`. */
export function createEmbeddingCache(inner: Embedder, name: string): EmbeddingCache {
  const folder = join(tmpdir(), 'youworker-bench');
  const path = join(folder, `${name}.json`);
  let entries: Record<string, string> = {};
  if (existsSync(path)) {
    const file = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
    if (file.model === inner.model) {
      entries = file.entries;
    }
  }
  let hits = 0;
  let misses = 0;
  const embed = async (texts: readonly string[], options?: EmbedOptions): Promise<number[][]> => {
    if (options?.purpose !== 'document') {
      return inner.embed(texts, options);
    }
    const keys = texts.map((text) => keyOf(inner.model, text));
    const missing = [...new Set(texts.filter((_, index) => entries[keys[index] ?? ''] === undefined))];
    if (missing.length > 0) {
      const vectors = await inner.embed(missing, options);
      missing.forEach((text, index) => {
        entries[keyOf(inner.model, text)] = encode(vectors[index] ?? []);
      });
    }
    misses += missing.length;
    hits += texts.length - missing.length;
    return keys.map((key) => decode(entries[key] ?? ''));
  };
  return {
    embedder: { model: inner.model, dimension: (signal) => inner.dimension(signal), embed },
    path,
    has: (text) => entries[keyOf(inner.model, text)] !== undefined,
    get hits() {
      return hits;
    },
    get misses() {
      return misses;
    },
    save() {
      mkdirSync(folder, { recursive: true });
      writeFileSync(path, JSON.stringify({ model: inner.model, entries } satisfies CacheFile));
    },
  };
}
