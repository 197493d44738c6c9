import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Renders pages of one PDF to PNG images. */
export interface PdfRasterizer {
  /** The PNG of 1-based page `page`; rejects with {@link RasterizerUnavailableError} when the tool is missing. */
  renderPage(page: number, signal?: AbortSignal): Promise<Uint8Array>;
}

/** `pdftoppm` (poppler-utils) is not installed. */
export class RasterizerUnavailableError extends Error {
  override readonly name = 'RasterizerUnavailableError';
}

/**
 * Writes `pdf` to a private temporary folder, hands `work` a rasteriser that runs
 * `pdftoppm -r <dpi> -png -f N -l N -singlefile` on it, and deletes the folder afterwards.
 */
export async function withPdfRasterizer<T>(
  pdf: Uint8Array,
  work: (rasterizer: PdfRasterizer) => Promise<T>,
  options: { dpi?: number; command?: string } = {},
): Promise<T> {
  const folder = await mkdtemp(join(tmpdir(), 'youworker-pdf-'));
  try {
    const input = join(folder, 'input.pdf');
    await writeFile(input, pdf, { mode: 0o600 });
    return await work({
      async renderPage(page, signal) {
        const output = join(folder, `page-${page}`);
        const args = ['-r', String(options.dpi ?? 150), '-png', '-f', String(page), '-l', String(page)];
        try {
          await run(options.command ?? 'pdftoppm', [...args, '-singlefile', input, output], {
            ...(signal !== undefined ? { signal } : {}),
            timeout: 120_000,
          });
        } catch (error) {
          if ((error as { code?: unknown }).code === 'ENOENT') {
            throw new RasterizerUnavailableError('pdftoppm (poppler-utils) is not installed', {
              cause: error,
            });
          }
          throw error;
        }
        const png = await readFile(`${output}.png`);
        await rm(`${output}.png`, { force: true });
        return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
      },
    });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
