import { envInteger } from './env-helpers.ts';

/** Agent loop limits (read by the chat service and handed to `runAgent` as `limits`). */
export const agentEnv = {
  AGENT_MAX_STEPS: envInteger({ min: 1, max: 100, defaultValue: 10 }).describe(
    'Most model calls with tools in one agent run. When they are used up the model gets one more call, without tools, to answer with what it has (`run-end` reason `step-limit`).',
  ),
  AGENT_TIMEOUT_MS: envInteger({ min: 1_000, max: 3_600_000, defaultValue: 300_000 }).describe(
    'Total time one agent run may take (model calls and tools together); then the in-flight model call and tools are aborted (`run-end` reason `timeout`).',
  ),
  AGENT_TOOL_TIMEOUT_MS: envInteger({ min: 100, max: 3_600_000, defaultValue: 60_000 }).describe(
    'Time limit for each tool call; a slower call is aborted and the model is told it timed out (`TOOL_TIMEOUT`).',
  ),
  AGENT_TOOL_CONCURRENCY: envInteger({ min: 1, max: 64, defaultValue: 4 }).describe(
    'Most tool calls of one model step that run at the same time; the rest wait for a free slot.',
  ),
  AGENT_MAX_TOKENS: envInteger({ min: 0, max: 100_000_000, defaultValue: 0 }).describe(
    'Token budget of one agent run: prompt plus completion tokens as reported by the model server, summed over its steps; the run ends after the step that reaches it (`run-end` reason `token-budget`). `0`: unlimited.',
  ),
};
