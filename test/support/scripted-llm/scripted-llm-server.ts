import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ollamaFormat } from './ollama-format.ts';
import { openAiFormat } from './openai-format.ts';
import { aggregate, type ScriptedResponse } from './script.ts';
import { runSteps } from './run-steps.ts';
import type { StreamState, WireFormat } from './wire-format.ts';

/** A request the scripted server received. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body (undefined when empty or not JSON). */
  body: unknown;
  /** The client's port: equal for two requests sent over one kept-alive connection. */
  remotePort: number | undefined;
  /** Set when the client went away before the response was complete. */
  clientDisconnected: boolean;
  /** Settles when the exchange ends: `client-disconnected` or `completed`. */
  ended: Promise<'client-disconnected' | 'completed'>;
}

/** A running scripted model server. */
export interface ScriptedLlm {
  /** `http://127.0.0.1:<port>` — use as `LLM_BASE_URL` for both providers. */
  baseUrl: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** Models listed by `/api/tags` and `/v1/models` (mutable). */
  models: string[];
  /** Queues the answer to the next chat request (`/api/chat`, `/v1/chat/completions`). */
  enqueue(...responses: ScriptedResponse[]): void;
  /** Queues the answer to the next model-listing request (`/api/tags`, `/v1/models`, `/api/show`). */
  enqueueListing(...responses: ScriptedResponse[]): void;
  /** Chat scripts not consumed yet. */
  pending(): number;
  close(): Promise<void>;
}

type Route = { format: WireFormat; kind: 'chat' | 'tags' | 'models' | 'show' };

const routes: Record<string, Route> = {
  'POST /api/chat': { format: ollamaFormat, kind: 'chat' },
  'GET /api/tags': { format: ollamaFormat, kind: 'tags' },
  'POST /api/show': { format: ollamaFormat, kind: 'show' },
  'POST /v1/chat/completions': { format: openAiFormat, kind: 'chat' },
  'GET /v1/models': { format: openAiFormat, kind: 'models' },
};

async function readBody(request: IncomingMessage): Promise<unknown> {
  const parts: Buffer[] = [];
  for await (const part of request) {
    parts.push(part as Buffer);
  }
  const text = Buffer.concat(parts).toString('utf8');
  try {
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/**
 * Starts a real HTTP server on 127.0.0.1 that speaks Ollama's and OpenAI's chat APIs from per-test
 * scripts and records every request. See README.md in this folder.
 */
export async function startScriptedLlm(options: { models?: string[] } = {}): Promise<ScriptedLlm> {
  const chatQueue: ScriptedResponse[] = [];
  const listingQueue: ScriptedResponse[] = [];
  const requests: RecordedRequest[] = [];
  const llm = { models: options.models ?? ['gpt-oss:20b', 'qwen3:8b'] };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const body = await readBody(request);
    let settle: (value: 'client-disconnected' | 'completed') => void = () => undefined;
    const ended = new Promise<'client-disconnected' | 'completed'>((resolve) => {
      settle = resolve;
    });
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      path,
      headers: request.headers,
      body,
      remotePort: request.socket.remotePort,
      clientDisconnected: false,
      ended,
    };
    requests.push(recorded);
    response.on('close', () => {
      recorded.clientDisconnected = !response.writableFinished;
      settle(recorded.clientDisconnected ? 'client-disconnected' : 'completed');
    });
    const route = routes[`${recorded.method} ${path}`];
    if (!route) {
      sendJson(response, 404, { error: `scripted-llm: no route ${recorded.method} ${path}` });
      return;
    }
    const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const model = typeof fields.model === 'string' ? fields.model : 'unknown';
    const script = (route.kind === 'chat' ? chatQueue : listingQueue).shift();
    if (script?.kind === 'error') {
      sendJson(
        response,
        script.status,
        route.format.errorBody(script.status, script.message),
        script.headers,
      );
      return;
    }
    switch (route.kind) {
      case 'tags':
        sendJson(response, 200, {
          models: llm.models.map((name) => ({
            name,
            model: name,
            modified_at: '2025-01-01T00:00:00Z',
            size: 13_780_173_839,
            digest: 'sha256:0000',
            details: {
              format: 'gguf',
              family: 'gptoss',
              parameter_size: '20.9B',
              quantization_level: 'MXFP4',
            },
          })),
        });
        return;
      case 'models':
        sendJson(response, 200, {
          object: 'list',
          data: llm.models.map((id) => ({
            id,
            object: 'model',
            created: 1_700_000_000,
            owned_by: 'vllm',
            max_model_len: 32768,
          })),
        });
        return;
      case 'show':
        if (!llm.models.includes(model)) {
          sendJson(response, 404, { error: `model '${model}' not found` });
          return;
        }
        sendJson(response, 200, {
          details: { family: 'gptoss', parameter_size: '20.9B', quantization_level: 'MXFP4' },
          model_info: { 'general.architecture': 'gptoss', 'gptoss.context_length': 131072 },
          capabilities: ['completion', 'tools', 'thinking'],
        });
        return;
      case 'chat':
        break;
    }
    if (!script) {
      sendJson(response, 500, route.format.errorBody(500, 'scripted-llm: no scripted response queued'));
      return;
    }
    if (fields.stream === false) {
      sendJson(response, 200, route.format.complete(model, aggregate(script.steps)));
      return;
    }
    const streamOptions = fields.stream_options as { include_usage?: unknown } | undefined;
    const state: StreamState = {
      model,
      usage: undefined,
      finishReason: undefined,
      sawToolCalls: false,
      includeUsage: streamOptions?.include_usage === true,
    };
    await runSteps(response, route.format, state, script, ended);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    get models() {
      return llm.models;
    },
    set models(value: string[]) {
      llm.models = value;
    },
    enqueue: (...responses) => chatQueue.push(...responses),
    enqueueListing: (...responses) => listingQueue.push(...responses),
    pending: () => chatQueue.length,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}
