import type { DocumentBlock, ParsedDocument } from '../document-model.ts';
import { ParseError } from './parse-error.ts';

/**
 * Accumulates the blocks of one document: drops blank blocks, keeps the running character count
 * under `maxChars` (else `LIMIT_EXCEEDED`), and collects warnings.
 */
export class DocumentBuilder {
  readonly blocks: DocumentBlock[] = [];
  readonly warnings: string[] = [];
  private characters = 0;

  constructor(
    private readonly mimeType: string,
    private readonly maxChars: number,
  ) {}

  /** Appends `block` unless its text is blank. */
  add(block: DocumentBlock): void {
    if (block.text.trim() === '') {
      return;
    }
    this.characters += block.text.length;
    if (this.characters > this.maxChars) {
      throw new ParseError(
        'LIMIT_EXCEEDED',
        `The document holds more than ${this.maxChars.toLocaleString('en-US')} characters of text, the most accepted.`,
      );
    }
    this.blocks.push(block);
  }

  /** Appends every block of `blocks`, each with `extra` (e.g. `{ page: 3 }`) merged in. */
  addAll(blocks: readonly DocumentBlock[], extra: Partial<DocumentBlock> = {}): void {
    for (const block of blocks) {
      this.add({ ...block, ...extra });
    }
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  /** The parsed document; `EMPTY_DOCUMENT` (with `emptyMessage` and the warnings) when no block holds text. */
  finish(details: {
    title?: string;
    pageCount?: number;
    emptyMessage: string;
    /** Use the first heading when `title` is empty (default true). */
    headingAsTitle?: boolean;
  }): ParsedDocument {
    if (this.blocks.length === 0) {
      const warnings = this.warnings.length > 0 ? ` (${this.warnings.join('; ')})` : '';
      throw new ParseError('EMPTY_DOCUMENT', `${details.emptyMessage}${warnings}`);
    }
    const explicit = details.title?.replace(/\s+/g, ' ').trim();
    const fallback = details.headingAsTitle === false ? undefined : this.firstHeading();
    const title = explicit !== undefined && explicit !== '' ? explicit : fallback;
    return {
      mimeType: this.mimeType,
      ...(title !== undefined && title !== '' ? { title } : {}),
      blocks: this.blocks,
      ...(details.pageCount !== undefined ? { pageCount: details.pageCount } : {}),
      warnings: this.warnings,
    };
  }

  private firstHeading(): string | undefined {
    return this.blocks.find((block) => block.kind === 'heading')?.text;
  }
}
