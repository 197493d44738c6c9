/** LLM provider variables. (Filled in by the LLM provider work.) */
export const llmEnv = {};
