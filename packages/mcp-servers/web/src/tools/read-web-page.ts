import { type SafeResponse } from '@youworker/net';
import { type ContentKind, contentKind } from '../content/content-kind.ts';
import { decodeText } from '../content/decode-text.ts';
import { ToolFailure } from '../tool-failure.ts';
import { type WebClient } from '../web-client.ts';

/** A fetched page the tools can read: HTML or text, status below 400. */
export interface ReadableResponse {
  response: SafeResponse;
  kind: Exclude<ContentKind, 'unsupported'>;
  text: string;
}

/**
 * GETs `url` and returns its decoded text. Throws a {@link ToolFailure} for HTTP errors (≥ 400) and for
 * content that is not HTML or text (PDF, images, archives…), or that is not HTML when `htmlOnly`.
 */
export async function readWebPage(
  client: WebClient,
  url: string,
  options: { maxBytes?: number; signal?: AbortSignal; htmlOnly?: boolean },
): Promise<ReadableResponse> {
  const response = await client.get(url, { maxBytes: options.maxBytes, signal: options.signal });
  if (response.status >= 400) {
    throw new ToolFailure('HTTP_ERROR', `${response.url} answered HTTP ${response.status}`);
  }
  const kind = contentKind(response.contentType, response.body);
  const described = response.contentType || 'of unknown type';
  if (kind === 'unsupported') {
    throw new ToolFailure(
      'UNSUPPORTED_CONTENT',
      `${response.url} is ${described}, which cannot be read as text: only HTML, plain text, markdown, JSON and XML are supported`,
    );
  }
  if (options.htmlOnly === true && kind !== 'html') {
    throw new ToolFailure('UNSUPPORTED_CONTENT', `${response.url} is ${described}, not an HTML page`);
  }
  return {
    response,
    kind,
    text: decodeText(response.body, response.headers['content-type'], kind === 'html'),
  };
}
