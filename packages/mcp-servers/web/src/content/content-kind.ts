/** How the web tools treat a response body. */
export type ContentKind = 'html' | 'text' | 'unsupported';

const htmlTypes: ReadonlySet<string> = new Set(['text/html', 'application/xhtml+xml']);
const textApplicationTypes: ReadonlySet<string> = new Set([
  'application/json',
  'application/xml',
  'application/javascript',
  'application/x-ndjson',
]);

/** Guesses the kind of a body served without Content-Type from its first bytes. */
function sniff(body: Buffer): ContentKind {
  const head = body.subarray(0, 1024);
  const start = head.toString('utf8').trimStart().slice(0, 64).toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) {
    return 'html';
  }
  return head.includes(0) ? 'unsupported' : 'text';
}

/**
 * `html` for HTML and XHTML; `text` for text/* (plain, markdown, csv…), JSON and XML (incl. `+json`,
 * `+xml`); `unsupported` for everything else (PDF, images, archives, other binaries). A missing
 * Content-Type is sniffed.
 */
export function contentKind(contentType: string, body: Buffer): ContentKind {
  if (contentType === '') {
    return sniff(body);
  }
  if (htmlTypes.has(contentType)) {
    return 'html';
  }
  if (
    contentType.startsWith('text/') ||
    textApplicationTypes.has(contentType) ||
    contentType.endsWith('+json') ||
    contentType.endsWith('+xml')
  ) {
    return 'text';
  }
  return 'unsupported';
}
