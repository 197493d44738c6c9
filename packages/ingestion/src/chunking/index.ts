export { chunkDocument } from './chunk-document.ts';
export { ChunkingError, type ChunkingErrorCode } from './chunking-error.ts';
export { countTokens } from './count-tokens.ts';
export { renderMarkdown } from './render-markdown.ts';
export type { ChunkOptions, TextChunk } from './text-chunk.ts';
