import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type Tesseract from 'tesseract.js';

/** What OCR found on one image. */
export interface OcrResult {
  /** Recognised text: lines separated by `\n`, paragraphs by a blank line. */
  text: string;
  /** Mean word confidence, 0–100. */
  confidence: number;
}

/** Optical character recognition of one raster image (PNG, JPEG, TIFF or WebP bytes). */
export interface OcrEngine {
  recognize(image: Uint8Array): Promise<OcrResult>;
  /** Releases the worker. A later `recognize` starts a new one. */
  terminate(): Promise<void>;
}

/** Options of {@link createOcrEngine}. */
export interface OcrEngineOptions {
  /** Folder holding `<language>.traineddata.gz`; defaults to `@tesseract.js-data/eng/4.0.0_best_int`. */
  langPath?: string;
  /** Tesseract language code; defaults to `eng`. */
  language?: string;
}

/** The `4.0.0_best_int` English model shipped by `@tesseract.js-data/eng` (3 MB, never the CDN). */
export function defaultTesseractLangPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
}

/**
 * An {@link OcrEngine} backed by one tesseract.js worker, created lazily on the first `recognize`
 * (about 0.5 s) and kept until `terminate()`. Language data is read from a local folder, never
 * downloaded, and never cached to disk.
 */
export function createOcrEngine(options: OcrEngineOptions = {}): OcrEngine {
  let worker: Promise<Tesseract.Worker> | undefined;

  async function launch(): Promise<Tesseract.Worker> {
    const { default: tesseract } = await import('tesseract.js');
    return tesseract.createWorker(options.language ?? 'eng', tesseract.OEM.LSTM_ONLY, {
      langPath: options.langPath ?? defaultTesseractLangPath(),
      gzip: true,
      cacheMethod: 'none',
      // Without a handler tesseract.js rethrows a failed job (an undecodable image) outside the
      // caller's promise, as an uncaught exception; the rejected promise already carries it.
      errorHandler: () => undefined,
    });
  }

  function start(): Promise<Tesseract.Worker> {
    worker ??= launch().catch((error: unknown) => {
      // A failed start (e.g. missing language data) is retried by the next call.
      worker = undefined;
      throw error;
    });
    return worker;
  }

  return {
    async recognize(image) {
      const { data } = await (await start()).recognize(Buffer.from(image));
      return { text: data.text, confidence: data.confidence };
    },
    async terminate() {
      const running = worker;
      worker = undefined;
      const started = await running?.catch(() => undefined);
      await started?.terminate();
    },
  };
}
