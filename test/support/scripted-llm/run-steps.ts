import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ScriptStep } from './script.ts';
import type { StreamState, WireFormat } from './wire-format.ts';

/** Runs a 200 streamed answer step by step; stops as soon as the client disconnects. */
export async function runSteps(
  response: ServerResponse,
  format: WireFormat,
  state: StreamState,
  script: { steps: ScriptStep[]; sliceBytes?: number },
  closed: Promise<unknown>,
): Promise<void> {
  let started = false;
  const write = async (frames: string[]) => {
    if (!started) {
      started = true;
      response.writeHead(200, { 'content-type': format.contentType, 'cache-control': 'no-cache' });
      frames = [...format.start(state), ...frames];
    }
    for (const frame of frames) {
      if (response.destroyed) {
        return;
      }
      if (script.sliceBytes === undefined) {
        response.write(frame);
        continue;
      }
      const bytes = Buffer.from(frame, 'utf8');
      for (let offset = 0; offset < bytes.length; offset += script.sliceBytes) {
        response.write(bytes.subarray(offset, offset + script.sliceBytes));
        await sleep(1);
      }
    }
  };
  for (const step of script.steps) {
    if (response.destroyed) {
      return;
    }
    switch (step.type) {
      case 'text':
        await write(format.text(state, step.text));
        break;
      case 'reasoning':
        await write(format.reasoning(state, step.text));
        break;
      case 'tool-calls':
        state.sawToolCalls = true;
        await write(format.toolCalls(state, step.calls, step.argumentChunks ?? 1, step.interleave ?? false));
        break;
      case 'usage':
        state.usage = {
          promptTokens: step.promptTokens,
          completionTokens: step.completionTokens,
          reasoningTokens: step.reasoningTokens,
        };
        break;
      case 'finish':
        state.finishReason = step.reason;
        break;
      case 'delay':
        await sleep(step.ms);
        break;
      case 'hang':
        await closed;
        return;
      case 'drop':
        response.socket?.destroy();
        return;
      case 'stream-error':
        await write(format.streamError(state, step.message));
        response.end();
        return;
    }
  }
  await write(format.end(state));
  response.end();
}
