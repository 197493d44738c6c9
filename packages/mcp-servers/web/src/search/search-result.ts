/** One web search hit. */
export interface SearchResult {
  title: string;
  url: string;
  snippet: string;
}

/** Whether `value` is an absolute http(s) URL. */
export function isWebUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
