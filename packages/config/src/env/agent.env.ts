/** Agent loop limits. (Filled in by the agent loop work.) */
export const agentEnv = {};
