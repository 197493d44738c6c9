import { act, render, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../markdown/render';
import { AnswerStore } from './answer-store';
import type { DisplayMessage } from './messages';
import { MessageView } from './MessageView';
import { StreamingMessage } from './StreamingMessage';

function assistant(text: string, extra: Partial<DisplayMessage> = {}): DisplayMessage {
  return {
    id: 'a1',
    role: 'assistant',
    text,
    reasoning: '',
    tools: [],
    citations: [],
    status: 'complete',
    ...extra,
  };
}

const attack = [
  'Hello <img src=x onerror="window.__pwned = 1">',
  '<script>window.__pwned = 2</script>',
  '[click me](javascript:window.__pwned=3)',
  '<a href="javascript:window.__pwned=4">raw link</a>',
  '<iframe src="javascript:window.__pwned=5"></iframe>',
  '<div onclick="window.__pwned=6" style="position:fixed">overlay</div>',
  '<svg><script>window.__pwned=7</script></svg>',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
].join('\n\n');

describe('message rendering', () => {
  it('should not execute or keep anything active from hostile model output', async () => {
    const { container } = render(<MessageView message={assistant(attack)} />);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    expect(container.querySelector('script, iframe, svg, [onerror], [onclick], [style]')).toBeNull();
    for (const link of container.querySelectorAll('a')) {
      expect(link.getAttribute('href') ?? '').not.toMatch(/^\s*(javascript|data):/i);
    }
    expect(screen.getByText(/Hello/)).toBeTruthy();
    expect(screen.getByText('click me')).toBeTruthy();
  });

  // Tables and code-block wrappers are checked in real Chromium (test/e2e/web): under happy-dom,
  // DOMPurify drops the outermost wrapper element of its input (<table>, the code block's <div>).
  it('should render highlighted code with a copy button and linked citations', () => {
    const html = renderMarkdown('```ts\nconst x: number = 1;\n```\n\nSee [1] and [2].', [
      {
        n: 1,
        documentId: 'd1',
        documentTitle: 'Guide <b>',
        page: 3,
        chunkId: 'c9',
        sheet: null,
        headingPath: [],
        snippet: 'A guide',
      },
    ]);
    const host = document.createElement('div');
    host.innerHTML = html;
    expect(host.querySelector('pre code .hljs-keyword')?.textContent).toBe('const');
    expect(host.querySelector('button[data-copy-code]')?.textContent).toBe('Copy code');
    const citation = host.querySelector('a.citation');
    expect(citation?.getAttribute('href')).toBe('/documents/d1?page=3&chunk=c9');
    expect(citation?.getAttribute('title')).toBe('Guide <b>');
    expect(host.textContent).toContain('[2]');
    expect(host.querySelectorAll('a.citation')).toHaveLength(1);
  });

  it('should collapse reasoning and show tool calls with their result and duration', () => {
    render(
      <MessageView
        message={assistant('Done.', {
          reasoning: 'thinking hard',
          tools: [
            {
              id: 't',
              name: 'web__search',
              input: { q: 'x' },
              status: 'success',
              output: 'found',
              durationMs: 12,
            },
          ],
        })}
      />,
    );
    const reasoning = screen.getByText('Reasoning').closest('details');
    expect(reasoning?.open).toBe(false);
    expect(screen.getByText('web__search')).toBeTruthy();
    expect(screen.getByText('done in 12 ms')).toBeTruthy();
  });

  it('should re-render only the streaming message while tokens arrive', async () => {
    const store = new AnswerStore();
    let finishedRenders = 0;
    const finished = [assistant('first', { id: 'm1' }), assistant('second', { id: 'm2' })];
    render(
      <>
        <Profiler id="finished" onRender={() => (finishedRenders += 1)}>
          {finished.map((message) => (
            <MessageView key={message.id} message={message} />
          ))}
        </Profiler>
        <StreamingMessage store={store} />
      </>,
    );
    const before = finishedRenders;
    for (let index = 0; index < 50; index += 1) {
      await act(async () => {
        store.apply({ type: 'text-delta', sequence: index, step: 1, text: `tok${index} ` });
        await new Promise((resolve) => requestAnimationFrame(resolve));
      });
    }
    expect(screen.getByText(/tok49/)).toBeTruthy();
    expect(finishedRenders).toBe(before);
  });
});
