import { z } from 'zod';
import { isWebUrl } from '../search/search-result.ts';
import { type WebClient } from '../web-client.ts';
import { type ResolvedWebOptions } from '../web-options.ts';

/** What every web tool needs. */
export interface WebToolContext {
  client: WebClient;
  options: ResolvedWebOptions;
}

/** Read-only tools that reach the open web. */
export const webToolAnnotations = {
  readOnlyHint: true,
  openWorldHint: true,
  destructiveHint: false,
  idempotentHint: true,
};

/** An absolute http(s) URL input. */
export const urlInput = z
  .string()
  .trim()
  .min(1)
  .max(4096)
  .refine(isWebUrl, 'must be an absolute http:// or https:// URL')
  .describe('Absolute http:// or https:// URL');

/** `text` cut to `maxChars`, and whether it was cut. */
export function capText(text: string, maxChars: number): { text: string; truncated: boolean } {
  return text.length <= maxChars
    ? { text, truncated: false }
    : { text: text.slice(0, maxChars), truncated: true };
}
