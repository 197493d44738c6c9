/**
 * `node --import tsx bench/parsing.bench.ts`: parsing quality on the docling test corpus
 * (`<dataset>/<format>/sources/*` against `<dataset>/<format>/groundtruth/<file>.md`).
 *
 * Per file: bag-of-words F1 (lower-cased `\p{L}\p{N}` word tokens, multiset overlap) of the parsed
 * blocks rendered as Markdown against the ground truth, and table-cell survival (share of ground-truth
 * table cells whose words appear, consecutively, in the output; punctuation-only cells are not counted). Both sides are normalised the same way first:
 * docling's placeholders (`<!-- image -->`), link targets and HTML entities are not words of the
 * document. Prints a Markdown table per format and the overall means.
 *
 * Options: --dataset <dir> (default /work/shared/datasets/docling), --format <name>, --verbose.
 * Without the dataset it prints "skipped: dataset not found" and exits 0.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { DocumentBlock } from '../packages/ingestion/src/document-model.ts';
import { createOcrEngine, ParseError, parseDocument } from '../packages/ingestion/src/parsers/index.ts';

const { values } = parseArgs({
  options: {
    dataset: { type: 'string', default: '/work/shared/datasets/docling' },
    format: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});

interface FileScore {
  file: string;
  f1: number;
  cells: number;
  survived: number;
  ms: number;
  error?: string;
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) {
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    }
    if (name.startsWith('#')) {
      return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Markdown reduced to its words: comments, link targets and image sources dropped, entities decoded. */
function normalise(markdown: string): string {
  return decodeEntities(
    markdown
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'),
  ).toLowerCase();
}

function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

function bagOfWordsF1(expected: string, actual: string): number {
  const wanted = new Map<string, number>();
  const expectedTokens = tokens(expected);
  const actualTokens = tokens(actual);
  for (const token of expectedTokens) {
    wanted.set(token, (wanted.get(token) ?? 0) + 1);
  }
  let overlap = 0;
  for (const token of actualTokens) {
    const left = wanted.get(token) ?? 0;
    if (left > 0) {
      overlap += 1;
      wanted.set(token, left - 1);
    }
  }
  if (expectedTokens.length === 0 && actualTokens.length === 0) {
    return 1;
  }
  if (overlap === 0) {
    return 0;
  }
  const precision = overlap / actualTokens.length;
  const recall = overlap / expectedTokens.length;
  return (2 * precision * recall) / (precision + recall);
}

/** The non-empty cells of every Markdown table of `markdown` (header and body rows). */
function tableCells(markdown: string): string[] {
  const cells: string[] = [];
  for (const line of markdown.split('\n')) {
    const row = line.trim();
    if (!row.startsWith('|') || /^\|[\s|:-]+\|$/.test(row)) {
      continue;
    }
    for (const cell of row.slice(1, row.endsWith('|') ? -1 : undefined).split(/(?<!\\)\|/)) {
      if (cell.trim() !== '') {
        cells.push(cell.replace(/\\\|/g, '|'));
      }
    }
  }
  return cells;
}

/** Whether the words of `cell` appear consecutively in `words` (a space-joined token string). */
function survives(cell: string, words: string): boolean {
  const wanted = tokens(normalise(cell)).join(' ');
  return wanted === '' || words.includes(` ${wanted} `);
}

function blocksToMarkdown(blocks: readonly DocumentBlock[]): string {
  return blocks
    .map((block) => (block.kind === 'heading' ? `${'#'.repeat(block.level ?? 1)} ${block.text}` : block.text))
    .join('\n\n');
}

function groundTruthFor(folder: string, file: string): string | undefined {
  for (const candidate of [`${file}.md`, `${basename(file, extname(file))}.md`]) {
    const path = join(folder, 'groundtruth', candidate);
    if (existsSync(path)) {
      return readFileSync(path, 'utf8');
    }
  }
  return undefined;
}

function mean(numbers: readonly number[]): number {
  return numbers.length === 0 ? 0 : numbers.reduce((sum, value) => sum + value, 0) / numbers.length;
}

function survival(scores: readonly FileScore[]): string {
  const cells = scores.reduce((sum, score) => sum + score.cells, 0);
  const survived = scores.reduce((sum, score) => sum + score.survived, 0);
  return cells === 0 ? 'n/a' : `${((100 * survived) / cells).toFixed(1)} % (${survived}/${cells})`;
}

function summaryRow(name: string, scores: readonly FileScore[]): string {
  const f1 = scores.map((score) => score.f1);
  return `| ${name} | ${scores.length} | ${mean(f1).toFixed(3)} | ${Math.min(...f1).toFixed(3)} | ${survival(scores)} | ${Math.round(mean(scores.map((score) => score.ms)))} |`;
}

async function scoreFormat(folder: string, ocr: ReturnType<typeof createOcrEngine>): Promise<FileScore[]> {
  const scores: FileScore[] = [];
  for (const file of readdirSync(join(folder, 'sources')).sort()) {
    const truth = groundTruthFor(folder, file);
    if (truth === undefined) {
      continue;
    }
    const bytes = new Uint8Array(readFileSync(join(folder, 'sources', file)));
    const expected = normalise(truth);
    const cells = tableCells(truth).filter((cell) => tokens(normalise(cell)).length > 0);
    const started = performance.now();
    let output = '';
    let error: string | undefined;
    try {
      output = blocksToMarkdown((await parseDocument(bytes, { filename: file, ocr })).blocks);
    } catch (caught) {
      error = ParseError.isInstance(caught) ? `${caught.code}: ${caught.message}` : String(caught);
    }
    const ms = performance.now() - started;
    const actual = normalise(output);
    const words = ` ${tokens(actual).join(' ')} `;
    const survived = cells.filter((cell) => survives(cell, words)).length;
    scores.push({
      file,
      f1: bagOfWordsF1(expected, actual),
      cells: cells.length,
      survived,
      ms,
      ...(error !== undefined ? { error } : {}),
    });
  }
  return scores;
}

async function main(): Promise<void> {
  const root = values.dataset;
  if (!existsSync(root)) {
    console.log(`skipped: dataset not found (${root})`);
    return;
  }
  const formats = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'sources')))
    .map((entry) => entry.name)
    .filter((name) => values.format === undefined || name === values.format)
    .sort();
  const ocr = createOcrEngine();
  const all: FileScore[] = [];
  const summary: string[] = [];
  try {
    for (const format of formats) {
      const scores = await scoreFormat(join(root, format), ocr);
      all.push(...scores);
      const shown = scores.filter((score) => values.verbose || score.f1 < 0.95 || score.error !== undefined);
      console.log(`\n### ${format}\n`);
      if (shown.length === 0) {
        console.log(`Every file scores F1 ≥ 0.95 (--verbose lists them).`);
      } else {
        console.log('| file | F1 | cells survived | ms | note |');
        console.log('| --- | --- | --- | --- | --- |');
      }
      for (const score of shown) {
        const cells = score.cells === 0 ? '–' : `${score.survived}/${score.cells}`;
        console.log(
          `| ${score.file} | ${score.f1.toFixed(3)} | ${cells} | ${Math.round(score.ms)} | ${score.error ?? ''} |`,
        );
      }
      summary.push(summaryRow(format, scores));
    }
  } finally {
    await ocr.terminate();
  }
  console.log('\n### Summary (target: mean F1 ≥ 0.95 per format)\n');
  console.log('| format | files | mean F1 | min F1 | table cells survived | mean parse ms |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const row of summary) {
    console.log(row);
  }
  console.log(summaryRow('**overall**', all));
}

await main();
