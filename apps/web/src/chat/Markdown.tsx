import { memo, useMemo, type MouseEvent } from 'react';
import { renderMarkdown } from '../markdown/render';
import { navigate } from '../shell/router';
import type { Citation } from '../stream/chat-events';

function onClick(event: MouseEvent<HTMLDivElement>) {
  const target = event.target as HTMLElement;
  const copy = target.closest<HTMLButtonElement>('button[data-copy-code]');
  if (copy) {
    const code = copy.closest('.code-block')?.querySelector('code')?.textContent ?? '';
    void navigator.clipboard.writeText(code).then(() => {
      copy.textContent = 'Copied';
      setTimeout(() => {
        copy.textContent = 'Copy code';
      }, 1500);
    });
    return;
  }
  const citation = target.closest<HTMLAnchorElement>('a.citation');
  if (citation && event.button === 0 && !event.ctrlKey && !event.metaKey) {
    event.preventDefault();
    navigate(citation.getAttribute('href') ?? '/documents');
  }
}

/** Untrusted model markdown, rendered safe (see renderMarkdown). */
export const Markdown = memo(function Markdown({
  text,
  citations,
}: {
  text: string;
  citations: readonly Citation[];
}) {
  const html = useMemo(() => renderMarkdown(text, citations), [text, citations]);
  // The HTML is sanitised by DOMPurify in renderMarkdown; clicks are delegated (no inline handlers).
  return <div className="markdown" onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />;
});
