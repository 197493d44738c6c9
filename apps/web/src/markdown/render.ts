import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import type { Citation } from '../stream/chat-events';
import { allowlistHtml } from './allowlist';
import { highlight } from './highlight';

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    // Raw HTML in model output is shown as text, never parsed: no element of it reaches any DOM.
    html({ text }) {
      return escapeHtml(text);
    },
    code({ text, lang }) {
      const language = lang?.split(/\s/)[0];
      const body = highlight(text, language) ?? escapeHtml(text);
      const label = language ? escapeHtml(language) : 'text';
      return (
        `<div class="code-block"><div class="code-head"><span>${label}</span>` +
        `<button type="button" class="copy-code" data-copy-code="">Copy code</button></div>` +
        `<pre><code class="hljs">${body}</code></pre></div>`
      );
    },
  },
});

// Links in model output open in a new tab without access to this page; citation links stay in the app.
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName !== 'A') {
    return;
  }
  const href = node.getAttribute('href') ?? '';
  if (href.startsWith('http')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer nofollow');
  }
});

/** The link of a citation: the document, opened at its page and chunk. */
export function citationHref(citation: Citation): string {
  const query = new URLSearchParams();
  if (citation.page !== null) {
    query.set('page', String(citation.page));
  }
  if (citation.chunkId) {
    query.set('chunk', citation.chunkId);
  }
  const suffix = query.size > 0 ? `?${query.toString()}` : '';
  return `/documents/${encodeURIComponent(citation.documentId)}${suffix}`;
}

function linkCitations(markdown: string, citations: readonly Citation[]): string {
  if (citations.length === 0) {
    return markdown;
  }
  const byNumber = new Map(citations.map((citation) => [citation.n, citation]));
  return markdown.replace(/\[(\d{1,3})\](?![(:[])/g, (match, digits: string) => {
    const citation = byNumber.get(Number(digits));
    if (citation === undefined) {
      return match;
    }
    const title = citation.documentTitle.replace(/["\\]/g, (char) => `\\${char}`);
    return `[\\[${digits}\\]](${citationHref(citation)} "${title}")`;
  });
}

/**
 * Model output (untrusted) as safe HTML: GitHub-flavoured markdown (tables, code with highlighting
 * and a copy button), citation numbers linked to their documents, then sanitised by DOMPurify and an
 * allowlist pass so no script, event handler, `javascript:` URL, style or frame survives.
 */
export function renderMarkdown(markdown: string, citations: readonly Citation[] = []): string {
  const html = marked.parse(linkCitations(markdown, citations)) as string;
  const sanitised = DOMPurify.sanitize(html, {
    FORBID_TAGS: ['style', 'form', 'input', 'textarea', 'select', 'iframe', 'object', 'embed', 'svg', 'math'],
    FORBID_ATTR: ['style'],
    ALLOW_DATA_ATTR: true,
  });
  return allowlistHtml(sanitised);
}
