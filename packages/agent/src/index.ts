export {
  AGENT_STREAM_PROTOCOL_VERSION,
  type AgentCitation,
  type AgentEvent,
  type AgentEventType,
  type AgentFinishReason,
  type AgentRunResult,
  type ErrorEvent,
  type ReasoningDeltaEvent,
  type RunEndEvent,
  type RunStartEvent,
  type StepEndEvent,
  type TextDeltaEvent,
  type ToolCallEvent,
  type ToolErrorCode,
  type ToolErrorEvent,
  type ToolResultEvent,
} from './agent-events.ts';
export {
  executeToolCalls,
  formatToolError,
  parseToolInput,
  type ExecuteToolCallsOptions,
  type ToolCallOutcome,
} from './execute-tool-calls.ts';
export { runAgent } from './run-agent.ts';
export {
  FINAL_ANSWER_INSTRUCTION,
  type AgentCallbacks,
  type AgentLimits,
  type RunAgentOptions,
} from './run-agent-options.ts';
export {
  isStopConditionMet,
  stepCountIs,
  timeElapsed,
  tokenBudgetExceeded,
  type AgentRunState,
  type StopCondition,
} from './stop-conditions.ts';
export { addUsage, totalTokens } from './token-usage.ts';
export {
  createLocalToolRegistry,
  type AgentTool,
  type ToolCaller,
  type ToolExecutionContext,
  type ToolListContext,
  type ToolOutput,
  type ToolRegistry,
} from './tool-registry.ts';
