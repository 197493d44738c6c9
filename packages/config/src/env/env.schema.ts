import { z } from 'zod';
import { agentEnv } from './agent.env.ts';
import { authEnv } from './auth.env.ts';
import { chatEnv } from './chat.env.ts';
import { databaseEnv } from './database.env.ts';
import { documentsEnv } from './documents.env.ts';
import { encryptionEnv } from './encryption.env.ts';
import { groupSyncEnv } from './group-sync.env.ts';
import { llmEnv } from './llm.env.ts';
import { loggingEnv } from './logging.env.ts';
import { mcpEnv } from './mcp.env.ts';
import { networkEnv } from './network.env.ts';
import { serverEnv } from './server.env.ts';

/**
 * The one schema of the process environment. Each area contributes a fragment in its own file
 * (`<area>.env.ts`); later features add theirs to this list. Every variable carries a description,
 * which is the source of `docs/configuration.md`.
 */
export const EnvSchema = z.object({
  ...serverEnv,
  ...loggingEnv,
  ...databaseEnv,
  ...authEnv,
  ...groupSyncEnv,
  ...encryptionEnv,
  ...networkEnv,
  ...llmEnv,
  ...agentEnv,
  ...chatEnv,
  ...mcpEnv,
  ...documentsEnv,
});

/** Secrets without which a production server refuses to start. */
export const productionSecrets = ['SESSION_SECRET', 'ENCRYPTION_KEY'] as const;

/** The parsed, typed configuration of one process. */
export type AppConfig = z.infer<typeof EnvSchema>;
