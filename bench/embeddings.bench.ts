/**
 * `node --import tsx bench/embeddings.bench.ts`: the offline embedding and chunking path.
 * - USE-lite (`createLocalEmbedder`): model load, first call, then throughput in texts/s through
 *   `createBatchingEmbedder` (batch 32, one batch at a time) for short sentences (~22 words, the
 *   machine-notes probe size) and for chunk-sized passages (~250 words), plus resident memory.
 * - `chunkDocument` (512/64 tokens): MB/s of rendered Markdown on a generated 1 MB document.
 * Options: --sentences <n> (default 320), --passages <n> (default 64), --runs <n> (default 3; the
 * median is printed). Texts are generated deterministically; nothing is downloaded. Rates are given
 * per wall-clock second and per CPU second of this process (the model runs on one thread), so a
 * busy machine shows up as a gap between the two.
 */
import { parseArgs } from 'node:util';
import { chunkDocument, renderMarkdown, type DocumentBlock } from '@youworker/ingestion';
import { createBatchingEmbedder, createLocalEmbedder } from '@youworker/llm';

const { values } = parseArgs({
  options: {
    sentences: { type: 'string', default: '320' },
    passages: { type: 'string', default: '64' },
    runs: { type: 'string', default: '3' },
  },
});
const runs = Number(values.runs);

const vocabulary = (
  'the a model server document page table search query answer index vector user group team report ' +
  'budget meeting project release network storage backup policy access password invoice customer ' +
  'order quarter revenue growth plan risk change review approve deploy monitor alert restart update'
).split(' ');

function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const words = (count: number) =>
    Array.from({ length: count }, () => vocabulary[Math.floor(next() * vocabulary.length)] ?? 'the');
  const sentence = (count: number) => {
    const text = words(count).join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  return { next, sentence };
}

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Runs `task` and returns its wall-clock and CPU (user + system) seconds. */
async function timed(task: () => unknown): Promise<{ wall: number; cpu: number }> {
  const cpuBefore = process.cpuUsage();
  const began = performance.now();
  await task();
  const cpu = process.cpuUsage(cpuBefore);
  return { wall: (performance.now() - began) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
}

function rates(label: string, count: number, unit: string, times: { wall: number; cpu: number }[]): string {
  const wall = median(times.map((time) => count / time.wall));
  const cpu = median(times.map((time) => count / time.cpu));
  return `${label}: ${wall.toFixed(2)} ${unit}/s wall, ${cpu.toFixed(2)} ${unit}/CPU-s (median of ${times.length})`;
}

function residentMegabytes(): number {
  return Math.round(process.memoryUsage().rss / 1024 / 1024);
}

async function benchUseLite(): Promise<void> {
  const random = generator(7);
  const local = createLocalEmbedder();
  const embedder = createBatchingEmbedder(local, { batchSize: 32, concurrency: 1 });
  const first = await timed(() => local.embed(['warm up']));
  const sentences = Array.from({ length: Number(values.sentences) }, () => random.sentence(22));
  const passages = Array.from({ length: Number(values.passages) }, () =>
    Array.from({ length: 11 }, () => random.sentence(22)).join(' '),
  );
  for (const [label, texts] of [
    ['sentences (~22 words)', sentences],
    ['passages (~250 words)', passages],
  ] as const) {
    const times = [];
    for (let run = 0; run < runs; run += 1) {
      times.push(await timed(() => embedder.embed(texts)));
    }
    console.log(rates(`USE-lite, batch 32, ${texts.length} ${label}`, texts.length, 'texts', times));
  }
  console.log(
    `USE-lite load + first call: ${first.wall.toFixed(2)} s wall, ${first.cpu.toFixed(2)} CPU-s; RSS ${residentMegabytes()} MB`,
  );
}

async function benchChunking(): Promise<void> {
  const random = generator(11);
  const blocks: DocumentBlock[] = [];
  let section = 0;
  while (blocks.reduce((total, block) => total + block.text.length, 0) < 1024 * 1024) {
    section += 1;
    blocks.push({ kind: 'heading', level: 1 + (section % 3), text: `Section ${section}`, page: section });
    for (let paragraph = 0; paragraph < 6; paragraph += 1) {
      const count = 2 + Math.floor(random.next() * 8);
      blocks.push({
        kind: 'paragraph',
        text: Array.from({ length: count }, () => random.sentence(8 + Math.floor(random.next() * 20))).join(
          ' ',
        ),
        page: section,
      });
    }
  }
  const doc = { mimeType: 'text/markdown', warnings: [], blocks };
  const megabytes = renderMarkdown(doc).length / 1024 / 1024;
  chunkDocument(doc);
  const times = [];
  let chunks = 0;
  for (let run = 0; run < runs; run += 1) {
    times.push(
      await timed(() => {
        chunks = chunkDocument(doc).length;
      }),
    );
  }
  console.log(
    rates(`chunkDocument (512/64), ${megabytes.toFixed(2)} MB -> ${chunks} chunks`, megabytes, 'MB', times),
  );
}

await benchChunking();
await benchUseLite();
