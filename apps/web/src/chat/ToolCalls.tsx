import type { ToolCallView } from '../stream/answer';

function formatInput(input: unknown): string {
  if (typeof input === 'string') {
    return input;
  }
  return JSON.stringify(input, null, 2);
}

/** Tool calls of an answer: name, arguments, result or error, and duration, live while running. */
export function ToolCalls({ tools }: { tools: readonly ToolCallView[] }) {
  if (tools.length === 0) {
    return null;
  }
  return (
    <ul className="tool-calls" aria-label="Tool calls">
      {tools.map((tool) => (
        <li key={tool.id} className={`tool tool-${tool.status}`}>
          <details>
            <summary>
              <span className="tool-name">{tool.name}</span>{' '}
              <span className="muted">
                {tool.status === 'running'
                  ? 'running…'
                  : `${tool.status === 'error' ? 'failed' : 'done'} in ${tool.durationMs ?? 0} ms`}
              </span>
            </summary>
            <p className="muted">Arguments</p>
            <pre>{formatInput(tool.input)}</pre>
            {tool.output !== undefined && (
              <>
                <p className="muted">Result</p>
                <pre>{tool.output}</pre>
              </>
            )}
            {tool.error && (
              <p className="error">
                {tool.error.code}: {tool.error.message}
              </p>
            )}
          </details>
        </li>
      ))}
    </ul>
  );
}
