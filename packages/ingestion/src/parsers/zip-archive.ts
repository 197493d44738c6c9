import { inflateRawSync } from 'node:zlib';
import { ParseError } from './parse-error.ts';
import type { ParseLimits } from './parse-options.ts';

/** One file listed in a ZIP central directory. */
export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate; anything else is refused. */
  method: number;
  encrypted: boolean;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX_COMMENT = 0xffff;
/** Entries smaller than this are never judged by their ratio (Apache POI's grace size). */
const RATIO_GRACE_BYTES = 100 * 1024;

const utf8 = new TextDecoder('utf-8');

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function corrupt(detail: string): ParseError {
  return new ParseError('CORRUPT_FILE', `The file is damaged and cannot be opened (${detail}).`);
}

function findEndOfDirectory(data: DataView): number | undefined {
  const lowest = Math.max(0, data.byteLength - 22 - MAX_COMMENT);
  for (let offset = data.byteLength - 22; offset >= lowest; offset -= 1) {
    if (data.getUint32(offset, true) === END_OF_DIRECTORY) {
      return offset;
    }
  }
  return undefined;
}

function directoryLocation(data: DataView, end: number): { count: number; offset: number } {
  let count = data.getUint16(end + 10, true);
  let offset = data.getUint32(end + 16, true);
  const locator = end - 20;
  if (
    (count === 0xffff || offset === 0xffffffff) &&
    locator >= 0 &&
    data.getUint32(locator, true) === ZIP64_LOCATOR
  ) {
    const zip64End = Number(data.getBigUint64(locator + 8, true));
    if (zip64End + 56 > data.byteLength || data.getUint32(zip64End, true) !== ZIP64_END_OF_DIRECTORY) {
      throw corrupt('bad ZIP64 directory');
    }
    count = Number(data.getBigUint64(zip64End + 32, true));
    offset = Number(data.getBigUint64(zip64End + 48, true));
  }
  return { count, offset };
}

function applyZip64Extra(data: DataView, start: number, length: number, entry: ZipEntry): void {
  let cursor = start;
  while (cursor + 4 <= start + length) {
    const tag = data.getUint16(cursor, true);
    const size = data.getUint16(cursor + 2, true);
    if (tag === 0x0001) {
      let field = cursor + 4;
      const next = (): number => {
        const value = field + 8 <= cursor + 4 + size ? Number(data.getBigUint64(field, true)) : 0xffffffff;
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === 0xffffffff) {
        entry.uncompressedSize = next();
      }
      if (entry.compressedSize === 0xffffffff) {
        entry.compressedSize = next();
      }
      if (entry.localHeaderOffset === 0xffffffff) {
        entry.localHeaderOffset = next();
      }
      return;
    }
    cursor += 4 + size;
  }
}

/**
 * The entries of a ZIP archive, read from its central directory only: nothing is inflated. Returns
 * `undefined` when `bytes` has no end-of-central-directory record (not a ZIP, or truncated); throws
 * `CORRUPT_FILE` when the directory is damaged.
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | undefined {
  if (bytes.byteLength < 22) {
    return undefined;
  }
  const data = view(bytes);
  const end = findEndOfDirectory(data);
  if (end === undefined) {
    return undefined;
  }
  const { count, offset } = directoryLocation(data, end);
  const entries: ZipEntry[] = [];
  let cursor = offset;
  for (let index = 0; index < count; index += 1) {
    if (cursor + 46 > data.byteLength || data.getUint32(cursor, true) !== DIRECTORY_ENTRY) {
      throw corrupt('bad central directory');
    }
    const nameLength = data.getUint16(cursor + 28, true);
    const extraLength = data.getUint16(cursor + 30, true);
    const commentLength = data.getUint16(cursor + 32, true);
    if (cursor + 46 + nameLength + extraLength > data.byteLength) {
      throw corrupt('bad central directory');
    }
    const entry: ZipEntry = {
      name: utf8.decode(bytes.subarray(cursor + 46, cursor + 46 + nameLength)),
      method: data.getUint16(cursor + 10, true),
      encrypted: (data.getUint16(cursor + 8, true) & 1) === 1,
      compressedSize: data.getUint32(cursor + 20, true),
      uncompressedSize: data.getUint32(cursor + 24, true),
      localHeaderOffset: data.getUint32(cursor + 42, true),
    };
    applyZip64Extra(data, cursor + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    cursor += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The decompression-bomb defence, from the central directory alone (before anything is inflated):
 * refuses with `LIMIT_EXCEEDED` an archive with too many entries, a declared total above
 * `maxUncompressedBytes`, or an entry above 100 kB whose inflate ratio exceeds `maxCompressionRatio`;
 * with `ENCRYPTED_FILE` an encrypted entry; with `CORRUPT_FILE` an unknown compression method.
 */
export function assertZipWithinLimits(entries: readonly ZipEntry[], limits: ParseLimits): void {
  if (entries.length > limits.maxZipEntries) {
    throw new ParseError(
      'LIMIT_EXCEEDED',
      `The archive lists ${entries.length} files; at most ${limits.maxZipEntries} are accepted.`,
    );
  }
  let total = 0;
  for (const entry of entries) {
    if (entry.encrypted) {
      throw new ParseError(
        'ENCRYPTED_FILE',
        'The document is encrypted; remove the password and upload it again.',
      );
    }
    if (entry.method !== 0 && entry.method !== 8) {
      throw corrupt(`unsupported compression method ${entry.method} in ${entry.name}`);
    }
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > RATIO_GRACE_BYTES && ratio > limits.maxCompressionRatio) {
      throw new ParseError(
        'LIMIT_EXCEEDED',
        `${entry.name} would inflate ${Math.round(ratio)}:1 (at most ${limits.maxCompressionRatio}:1 is accepted); the file looks like a decompression bomb.`,
      );
    }
  }
  if (total > limits.maxUncompressedBytes) {
    throw new ParseError(
      'LIMIT_EXCEEDED',
      `The archive would inflate to ${formatMegabytes(total)}; at most ${formatMegabytes(limits.maxUncompressedBytes)} is accepted.`,
    );
  }
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function compressedData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = view(bytes);
  const header = entry.localHeaderOffset;
  if (header + 30 > data.byteLength || data.getUint32(header, true) !== LOCAL_HEADER) {
    throw corrupt(`bad local header for ${entry.name}`);
  }
  const start = header + 30 + data.getUint16(header + 26, true) + data.getUint16(header + 28, true);
  if (start + entry.compressedSize > bytes.byteLength) {
    throw corrupt(`${entry.name} is truncated`);
  }
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * Inflates one entry, never past its declared size: an entry whose deflate stream yields more than
 * the directory declares (a lying header) fails with `LIMIT_EXCEEDED`, a broken one with `CORRUPT_FILE`.
 */
export function inflateZipEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = compressedData(bytes, entry);
  if (entry.method === 0) {
    if (data.byteLength !== entry.uncompressedSize) {
      throw corrupt(`${entry.name} has inconsistent sizes`);
    }
    return data;
  }
  let inflated: Buffer;
  try {
    inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ParseError(
        'LIMIT_EXCEEDED',
        `${entry.name} inflates past the ${entry.uncompressedSize} bytes its header declares; the file looks like a decompression bomb.`,
        { cause: error },
      );
    }
    throw corrupt(`${entry.name} cannot be inflated`);
  }
  if (inflated.byteLength !== entry.uncompressedSize) {
    throw corrupt(`${entry.name} has inconsistent sizes`);
  }
  return new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.byteLength);
}

/** A ZIP container whose directory passed {@link assertZipWithinLimits}; entries inflate on demand. */
export interface ZipArchive {
  readonly entries: ReadonlyMap<string, ZipEntry>;
  /** The inflated bytes of `name`, or `undefined` when the archive has no such entry. */
  read(name: string): Uint8Array | undefined;
  /** `read(name)` decoded as UTF-8. */
  readText(name: string): string | undefined;
  /** Inflates every entry once, so a third-party reader given the raw bytes cannot be bombed. */
  verifyAll(): void;
}

/** Opens a ZIP container under `limits` (see {@link assertZipWithinLimits}); `CORRUPT_FILE` when unreadable. */
export function openZipArchive(bytes: Uint8Array, limits: ParseLimits): ZipArchive {
  const list = readZipDirectory(bytes);
  if (list === undefined) {
    throw corrupt('no ZIP central directory');
  }
  assertZipWithinLimits(list, limits);
  const entries = new Map(list.map((entry) => [entry.name, entry]));
  const read = (name: string): Uint8Array | undefined => {
    const entry = entries.get(name);
    return entry === undefined ? undefined : inflateZipEntry(bytes, entry);
  };
  return {
    entries,
    read,
    readText(name) {
      const data = read(name);
      return data === undefined ? undefined : utf8.decode(data);
    },
    verifyAll() {
      for (const entry of list) {
        inflateZipEntry(bytes, entry);
      }
    },
  };
}
