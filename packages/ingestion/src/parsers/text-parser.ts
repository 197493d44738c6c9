import type { ParsedDocument } from '../document-model.ts';
import { DocumentBuilder } from './document-builder.ts';
import type { ParseContext } from './parse-context.ts';
import { decodeText } from './text-decoding.ts';

/**
 * Plain text: one paragraph block per run of non-blank lines, line breaks kept (the text may be
 * hard-wrapped, a log, or an address). No title.
 */
export async function parseText(bytes: Uint8Array, context: ParseContext): Promise<ParsedDocument> {
  const text = decodeText(bytes).replace(/\r\n?/g, '\n');
  const builder = new DocumentBuilder(context.mimeType, context.limits.maxChars);
  for (const paragraph of text.split(/\n[ \t]*\n/)) {
    builder.add({ kind: 'paragraph', text: paragraph.replace(/^\n+|\s+$/g, '') });
  }
  return builder.finish({ headingAsTitle: false, emptyMessage: 'The text file is empty.' });
}
