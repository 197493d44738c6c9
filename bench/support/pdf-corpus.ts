/**
 * A deterministic PDF set for `bench:ingest`, written with pdfkit: `files` PDFs of `pagesPerFile`
 * A4 pages each. Every page has a heading (20 pt), two sections with a subheading (15 pt) and two or
 * three paragraphs of 11 pt body text, and a five-item bulleted list: about 450 words per page.
 * Each file draws its words from the shared vocabulary plus a topic vocabulary of its own, so the
 * chunks of different files differ.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';

const COMMON = (
  'the a of to and in for on with by from that this is are was were be has have will can may ' +
  'system team report project customer service data process plan review result change policy ' +
  'quarter budget network storage access security release update meeting decision risk cost'
).split(' ');

const TOPICS: readonly string[][] = [
  'turbine blade rotor bearing vibration torque gearbox lubrication maintenance inspection'.split(' '),
  'invoice payment ledger audit reconciliation accrual revenue expense forecast margin'.split(' '),
  'patient clinic dosage trial symptom diagnosis therapy nurse ward discharge'.split(' '),
  'router firewall packet latency subnet gateway bandwidth switch vlan outage'.split(' '),
  'harvest irrigation soil fertiliser yield tractor orchard seed drought greenhouse'.split(' '),
  'contract clause liability warranty tenant lease arbitration indemnity notice breach'.split(' '),
  'shipment warehouse pallet freight customs carrier inventory dock forklift route'.split(' '),
  'lesson curriculum student teacher exam grading semester classroom homework library'.split(' '),
  'reactor catalyst solvent titration polymer enzyme reagent sample spectrum yield'.split(' '),
  'mortgage loan interest collateral borrower credit rating default tranche coupon'.split(' '),
];

function seeded(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

function writer(topic: readonly string[], random: () => number) {
  const word = () => {
    const list = random() < 0.35 ? topic : COMMON;
    return list[Math.floor(random() * list.length)] ?? 'the';
  };
  const words = (count: number) => Array.from({ length: count }, word).join(' ');
  const sentence = () => {
    const text = words(8 + Math.floor(random() * 14));
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = () => Array.from({ length: 4 + Math.floor(random() * 3) }, sentence).join(' ');
  const title = (count: number) =>
    words(count)
      .split(' ')
      .map((part) => `${part.charAt(0).toUpperCase()}${part.slice(1)}`)
      .join(' ');
  return { paragraph, sentence, title };
}

/** One generated PDF, `pages` pages long. */
function makeBenchPdf(fileIndex: number, pages: number): Promise<Buffer> {
  const random = seeded(1000 + fileIndex);
  const text = writer(TOPICS[fileIndex % TOPICS.length] ?? COMMON, random);
  const document = new PDFDocument({
    autoFirstPage: false,
    info: { Title: `Bench report ${fileIndex + 1}` },
  });
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => {
    document.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
  });
  for (let page = 0; page < pages; page += 1) {
    document.addPage({ size: 'A4', margin: 56 });
    document
      .fontSize(20)
      .text(`${page + 1}. ${text.title(4)}`)
      .moveDown(0.5);
    for (let section = 0; section < 2; section += 1) {
      document.fontSize(15).text(text.title(3)).moveDown(0.3);
      const paragraphs = 2 + Math.floor(random() * 2);
      for (let index = 0; index < paragraphs; index += 1) {
        document.fontSize(11).text(text.paragraph()).moveDown(0.5);
      }
    }
    document.fontSize(11).list(Array.from({ length: 5 }, () => text.sentence()));
  }
  document.end();
  return done;
}

/** Writes `files` PDFs of `pagesPerFile` pages into `folder`; returns their paths. */
export async function writePdfCorpus(folder: string, files: number, pagesPerFile: number): Promise<string[]> {
  const paths: string[] = [];
  for (let index = 0; index < files; index += 1) {
    const path = join(folder, `bench-report-${String(index + 1).padStart(2, '0')}.pdf`);
    await writeFile(path, await makeBenchPdf(index, pagesPerFile));
    paths.push(path);
  }
  return paths;
}
