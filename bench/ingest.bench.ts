/**
 * `npm run bench:ingest [-- --files 10 --pages 10] [--database-url URL] [--dataset DIR]`: ingestion
 * throughput through the real pipeline (`IngestionPipeline.handle`, as the job worker calls it).
 *
 * Sets, each ingested one file after the other by one pipeline (as `INGEST_CONCURRENCY=1` would):
 * - **generated PDFs**: `--files` PDFs of `--pages` pages (default 10 × 10 = 100 pages; see
 *   `support/pdf-corpus.ts`) written with pdfkit into a temp directory;
 * - **docling**: every source file of `../shared/datasets/docling` (all formats), skipped with a
 *   message when the folder is absent.
 *
 * The pipeline's injected stages are wrapped in timers (`support/pipeline-harness.ts`): parse
 * (`parseDocument`, OCR engine as configured), chunk (`chunkDocument` 512/64), embed (USE-lite in
 * process, batches of 32, as `createDocumentServices` configures it) and index (pgvector store
 * `ensureIndex` + `indexDocument`); "other" is the rest of the pipeline jobs' wall time (reading the
 * stored file, status and progress updates, `markIndexed`). Wall time is the sum of the jobs
 * (`IngestionPipeline.handle`), not the upload steps before each (document row, file staging). Baselines in the same run: `parseDocument` alone
 * over the same files, and pdf.js text extraction alone (`unpdf` `extractText`) for the PDFs.
 * The model is loaded and the database warmed up before timing. Prints Markdown tables.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createOcrEngine, parseDocument } from '@youworker/ingestion';
import { createEmbedder } from '@youworker/llm';
import { extractText, getDocumentProxy } from 'unpdf';
import { writePdfCorpus } from './support/pdf-corpus.ts';
import {
  createBenchUser,
  createPipelineHarness,
  machineState,
  openBenchDatabase,
  STAGES,
  type PipelineHarness,
} from './support/pipeline-harness.ts';

const defaultDataset = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/datasets/docling');
const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '10' },
    pages: { type: 'string', default: '10' },
    dataset: { type: 'string', default: defaultDataset },
    'database-url': { type: 'string' },
  },
});

interface SetResult {
  name: string;
  files: number;
  failed: string[];
  pages: number;
  chunks: number;
  seconds: number;
  stages: Record<string, number>;
}

interface Baseline {
  name: string;
  files: number;
  pages: number;
  seconds: number;
}

async function ingestSet(
  harness: PipelineHarness,
  owner: Awaited<ReturnType<typeof createBenchUser>>,
  name: string,
  paths: readonly string[],
): Promise<SetResult> {
  const contents = await Promise.all(paths.map(async (path) => new Uint8Array(await readFile(path))));
  harness.resetTimes();
  const result: SetResult = {
    name,
    files: paths.length,
    failed: [],
    pages: 0,
    chunks: 0,
    seconds: 0,
    stages: {},
  };
  let pipelineMs = 0;
  for (const [index, path] of paths.entries()) {
    const ingested = await harness.ingest(owner, basename(path), contents[index] ?? new Uint8Array());
    pipelineMs += ingested.pipelineMs;
    if (ingested.status === 'ready') {
      result.pages += ingested.pageCount ?? 1;
      result.chunks += ingested.chunkCount;
    } else {
      result.failed.push(`${basename(path)}: ${ingested.status} ${ingested.error ?? ''}`.trim());
    }
  }
  result.seconds = pipelineMs / 1000;
  result.stages = { ...harness.times };
  return result;
}

/** `parseDocument` alone over `paths` (same OCR engine setup as the pipeline). */
async function parseBaseline(name: string, paths: readonly string[]): Promise<Baseline> {
  const contents = await Promise.all(paths.map(async (path) => new Uint8Array(await readFile(path))));
  const ocr = createOcrEngine();
  let pages = 0;
  const began = performance.now();
  try {
    for (const [index, path] of paths.entries()) {
      try {
        const parsed = await parseDocument(contents[index] ?? new Uint8Array(), {
          filename: basename(path),
          ocr,
        });
        pages += parsed.pageCount ?? 1;
      } catch {
        // Counted as failed by the pipeline run; the baseline only times what parses.
      }
    }
  } finally {
    await ocr.terminate();
  }
  return { name, files: paths.length, pages, seconds: (performance.now() - began) / 1000 };
}

/** pdf.js text extraction alone (`unpdf`), the library under our PDF parser. */
async function unpdfBaseline(name: string, paths: readonly string[]): Promise<Baseline> {
  const contents = await Promise.all(paths.map(async (path) => new Uint8Array(await readFile(path))));
  let pages = 0;
  const began = performance.now();
  for (const content of contents) {
    const proxy = await getDocumentProxy(content);
    const { totalPages } = await extractText(proxy, { mergePages: false });
    pages += totalPages;
    await proxy.destroy();
  }
  return { name, files: paths.length, pages, seconds: (performance.now() - began) / 1000 };
}

function doclingFiles(root: string): string[] {
  if (!existsSync(root)) {
    return [];
  }
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'sources')))
    .flatMap((entry) =>
      readdirSync(join(root, entry.name, 'sources'))
        .sort()
        .map((file) => join(root, entry.name, 'sources', file)),
    )
    .sort();
}

function percent(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1)} %`;
}

async function main(): Promise<void> {
  const loadBefore = loadavg()[0] ?? 0;
  const folder = await mkdtemp(join(tmpdir(), 'yw-bench-ingest-'));
  const database = await openBenchDatabase(values['database-url']);
  const embedder = createEmbedder({ provider: 'local', batchSize: 32, concurrency: 2 });
  const harness = await createPipelineHarness({ handle: database.handle, embedder, embedBatchSize: 32 });
  try {
    const pdfs = await writePdfCorpus(folder, Number(values.files), Number(values.pages));
    const docling = doclingFiles(values.dataset);
    const owner = await createBenchUser(database.handle);

    // Warm-up: model load, first parse of each kind, first insert and index creation.
    const loadBegan = performance.now();
    await embedder.embed(['warm up'], { purpose: 'document' });
    const modelLoad = (performance.now() - loadBegan) / 1000;
    const warmFolder = await mkdtemp(join(tmpdir(), 'yw-bench-warm-'));
    await harness.ingest(
      owner,
      'warm.pdf',
      new Uint8Array(await readFile((await writePdfCorpus(warmFolder, 1, 1))[0] ?? '')),
    );
    await rm(warmFolder, { recursive: true, force: true });

    const baselines: Baseline[] = [
      await unpdfBaseline('generated PDFs: unpdf `extractText` alone', pdfs),
      await parseBaseline('generated PDFs: `parseDocument` alone', pdfs),
    ];
    const results: SetResult[] = [await ingestSet(harness, owner, 'generated PDFs', pdfs)];
    if (docling.length === 0) {
      console.log(`docling set skipped: dataset not found (${values.dataset})`);
    } else {
      baselines.push(await parseBaseline('docling: `parseDocument` alone', docling));
      results.push(
        await ingestSet(harness, owner, `docling (${docling.length} files, all formats)`, docling),
      );
    }

    console.log(
      `\nIngestion through IngestionPipeline.handle, one file at a time; ${database.label}; USE-lite loaded in ` +
        `${modelLoad.toFixed(2)} s before timing; ${machineState(loadBefore, cpus().length)} before, ` +
        `${(loadavg()[0] ?? 0).toFixed(2)} after.\n`,
    );
    console.log(
      '| Set | Files (failed) | Pages | Chunks | Wall s | Pages/s | Chunks/s | Parse | Chunk | Embed | Index | Other |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const result of results) {
      const wallMs = result.seconds * 1000;
      const staged = STAGES.reduce((sum, stage) => sum + (result.stages[stage] ?? 0), 0);
      console.log(
        `| ${result.name} | ${result.files} (${result.failed.length}) | ${result.pages} | ${result.chunks} | ` +
          `${result.seconds.toFixed(1)} | ${(result.pages / result.seconds).toFixed(2)} | ` +
          `${(result.chunks / result.seconds).toFixed(2)} | ` +
          `${STAGES.map((stage) => percent(result.stages[stage] ?? 0, wallMs)).join(' | ')} | ` +
          `${percent(wallMs - staged, wallMs)} |`,
      );
    }
    console.log('\n| Baseline (same run) | Files | Pages | Wall s | Pages/s |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const baseline of baselines) {
      console.log(
        `| ${baseline.name} | ${baseline.files} | ${baseline.pages} | ${baseline.seconds.toFixed(2)} | ` +
          `${(baseline.pages / baseline.seconds).toFixed(1)} |`,
      );
    }
    console.log('\nStage milliseconds:');
    for (const result of results) {
      console.log(
        `- ${result.name}: ${STAGES.map((stage) => `${stage} ${Math.round(result.stages[stage] ?? 0)}`).join(', ')}; ` +
          `wall ${Math.round(result.seconds * 1000)}`,
      );
      for (const failure of result.failed) {
        console.log(`  - not indexed: ${failure}`);
      }
    }
  } finally {
    await harness.close();
    await database.destroy();
    await rm(folder, { recursive: true, force: true });
  }
}

await main();
