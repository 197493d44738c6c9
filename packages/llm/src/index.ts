export type {
  ChatMessage,
  ChatRequest,
  JsonSchema,
  LanguageModelProvider,
  ModelFinishReason,
  ModelInfo,
  ModelStreamPart,
  TokenUsage,
  ToolCall,
  ToolDefinition,
} from './language-model.ts';
export { LlmError, type LlmErrorCode } from './llm-error.ts';
