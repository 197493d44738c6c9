import { countTokens } from './count-tokens.ts';

/** A piece of context put in front of a chunk body, with its token count. */
export interface ContextText {
  text: string;
  tokens: number;
}

/** Computes (and caches) the context texts of one chunking run. */
export interface ContextPrefixer {
  /**
   * The heading breadcrumb of `headingPath`: `"A > B > C\n\n"`. It may use at most a quarter of
   * `maxTokens`; when longer, outer headings are dropped, and when the innermost heading alone is
   * too long there is no breadcrumb.
   */
  breadcrumb(headingPath: readonly string[]): ContextText;
  /** A repeated table header (`header\n`), for a chunk that starts in the middle of a table. */
  tableHeader(header: string): ContextText;
}

/** A {@link ContextPrefixer} for chunks of at most `maxTokens` tokens. */
export function createContextPrefixer(maxTokens: number): ContextPrefixer {
  const breadcrumbs = new Map<string, ContextText>();
  const headers = new Map<string, ContextText>();
  const limit = Math.floor(maxTokens / 4);
  const empty: ContextText = { text: '', tokens: 0 };

  function buildBreadcrumb(headingPath: readonly string[]): ContextText {
    for (let drop = 0; drop < headingPath.length; drop += 1) {
      const text = `${headingPath.slice(drop).join(' > ')}\n\n`;
      const tokens = countTokens(text);
      if (tokens <= limit) {
        return { text, tokens };
      }
    }
    return empty;
  }

  return {
    breadcrumb(headingPath) {
      const key = headingPath.join('\u0000');
      let context = breadcrumbs.get(key);
      if (!context) {
        context = buildBreadcrumb(headingPath);
        breadcrumbs.set(key, context);
      }
      return context;
    },
    tableHeader(header) {
      let context = headers.get(header);
      if (!context) {
        const text = `${header}\n`;
        context = { text, tokens: countTokens(text) };
        headers.set(header, context);
      }
      return context;
    },
  };
}
