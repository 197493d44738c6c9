import { type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import {
  runAsCaller,
  success,
  type PlatformClient,
  type PlatformIngestionRun,
  type PlatformIngestionStarted,
  type ToolCaller,
} from '@youworker/mcp-common';
import { z } from 'zod';
import { waitDeadline, waitForRun } from './run-waiter.ts';

/** What the tools need: the platform, how to verify caller tokens, and how `wait` polls. */
export interface IngestToolContext {
  platform: PlatformClient;
  secret: string | Buffer;
  audience: string;
  maxWaitMs: number;
  pollIntervalMs: number;
}

const tags = z.array(z.string().min(1).max(64)).max(32).optional().describe('Tags for the new documents');
const wait = z
  .boolean()
  .default(false)
  .describe('Wait (up to 60 s) for the run to finish and return its final counts; default false');

/** The counts and state of a run, as structured content. */
function presentRun(run: PlatformIngestionRun) {
  return {
    runId: run.id,
    status: run.status,
    stage: run.stage,
    source: run.sourceLabel,
    filesTotal: run.filesTotal,
    filesDone: run.filesDone,
    filesFailed: run.filesFailed,
    chunksEmbedded: run.chunksEmbedded,
    errors: run.errors,
    finished: run.finishedAt !== null,
    finishedAt: run.finishedAt,
  };
}

/** One line per run, then its errors: what a model needs to report the outcome. */
function runText(run: PlatformIngestionRun): string {
  const counts = `${run.filesDone}/${run.filesTotal} files done, ${run.filesFailed} failed, ${run.chunksEmbedded} chunks embedded`;
  const state =
    run.finishedAt === null
      ? `still ${run.status}${run.stage ? ` (stage ${run.stage})` : ''}; call job_status with runId ${run.id} later`
      : run.status;
  const errors = run.errors.map((entry) => `- ${entry.file}: ${entry.message}`);
  return [`Ingestion run ${run.id} (${run.sourceLabel}): ${state} — ${counts}.`, ...errors].join('\n');
}

/** Registers `ingest_url`, `ingest_path` and `job_status` on `server`. */
export function registerIngestTools(server: McpServer, context: IngestToolContext): void {
  const { platform } = context;
  const identity = { secret: context.secret, audience: context.audience };

  /** The started run, after waiting for it when asked to. */
  async function answer(
    caller: ToolCaller,
    started: PlatformIngestionStarted,
    shouldWait: boolean,
    signal: AbortSignal,
  ): Promise<CallToolResult> {
    const waited = shouldWait
      ? await waitForRun(platform, caller.token, started.run, {
          deadline: waitDeadline(context.maxWaitMs, caller.claims.exp, Date.now()),
          pollIntervalMs: context.pollIntervalMs,
          signal,
        })
      : { run: started.run, finished: started.run.finishedAt !== null };
    const documents = started.documents.map((document) => ({
      id: document.id,
      title: document.title,
      duplicate: document.duplicate,
    }));
    const listed = documents.map(
      (document) => `- ${document.title} (id ${document.id}${document.duplicate ? ', already present' : ''})`,
    );
    return success(
      { ...presentRun(waited.run), waited: shouldWait, documents },
      [runText(waited.run), ...(listed.length ? ['Documents:', ...listed] : [])].join('\n'),
    );
  }

  server.registerTool(
    'ingest_url',
    {
      title: 'Add a web page or file URL to my documents',
      description:
        "Fetches an http(s) URL (an HTML page or a direct file link) into the user's documents, where search finds it once processed. Returns the ingestion run id; with wait: true, waits up to 60 s and returns the final counts. Private and internal addresses are refused by the platform.",
      annotations: {
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: false,
        openWorldHint: true,
      },
      inputSchema: {
        url: z
          .url({ protocol: /^https?$/ })
          .max(4000)
          .describe('The http(s) URL to ingest'),
        tags,
        wait,
      },
    },
    (args, extra) =>
      runAsCaller(extra, identity, async (caller) => {
        const started = await platform.ingestUrl(
          caller.token,
          { url: args.url, ...(args.tags ? { tags: args.tags } : {}) },
          { signal: extra.signal },
        );
        return answer(caller, started, args.wait, extra.signal);
      }),
  );

  server.registerTool(
    'ingest_path',
    {
      title: 'Add server files to my documents',
      description:
        "Ingests a file or folder on the YouWorker server into the user's documents. Only paths under the administrator's allowed roots (INGEST_ALLOWED_ROOTS) are accepted. Returns the ingestion run id; with wait: true, waits up to 60 s and returns the final counts.",
      annotations: {
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: false,
        openWorldHint: false,
      },
      inputSchema: {
        path: z.string().min(1).max(4096).describe('Absolute path of a file or folder on the server'),
        recursive: z.boolean().default(false).describe('Include sub-folders; default false'),
        tags,
        wait,
      },
    },
    (args, extra) =>
      runAsCaller(extra, identity, async (caller) => {
        const started = await platform.ingestPath(
          caller.token,
          { path: args.path, recursive: args.recursive, ...(args.tags ? { tags: args.tags } : {}) },
          { signal: extra.signal },
        );
        return answer(caller, started, args.wait, extra.signal);
      }),
  );

  server.registerTool(
    'job_status',
    {
      title: 'Ingestion run status',
      description:
        "Status, stage and counts (files done and failed, chunks embedded) of one of the user's ingestion runs, with its errors.",
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
      inputSchema: { runId: z.uuid().describe('The run id returned by ingest_url or ingest_path') },
    },
    (args, extra) =>
      runAsCaller(extra, identity, async ({ token }) => {
        const run = await platform.runStatus(token, args.runId, { signal: extra.signal });
        return success(presentRun(run), runText(run));
      }),
  );
}
