import { z } from 'zod';

/** Chat variables. */
export const chatEnv = {
  CHAT_SYSTEM_PROMPT: z
    .string()
    .min(1)
    .max(20_000)
    .default(
      'You are YouWorker, a helpful assistant running on this organisation’s own servers. Answer in the language of the user’s last message. Use the available tools when they help, and say so when you do not know.',
    )
    .describe('System prompt of every chat. The default tells the model to answer in the user’s language.'),
};
