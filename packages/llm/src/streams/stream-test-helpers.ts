/** Bytes of `text` split at the given byte offsets, as a stream (test helper). */
export async function* chunked(text: string, cuts: number[]): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    yield bytes.slice(start, cut);
    start = cut;
  }
}

/** Every way of cutting `text` into two pieces, plus one-byte pieces (test helper). */
export function splits(text: string): number[][] {
  const length = new TextEncoder().encode(text).length;
  const single = Array.from({ length: length - 1 }, (_, index) => [index + 1]);
  return [[], ...single, Array.from({ length: length - 1 }, (_, index) => index + 1)];
}

/** Collects an async iterable into an array (test helper). */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) {
    items.push(item);
  }
  return items;
}
