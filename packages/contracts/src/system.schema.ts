import { z } from 'zod';

/** `GET /v1/system/info`: what this installation is. */
export const SystemInfoSchema = z
  .object({
    name: z.literal('YouWorker'),
    version: z.string(),
    apiVersion: z.string().describe('Version of the HTTP API (`v1`).'),
    instanceId: z.uuid().describe('Created on the first start and kept across restarts.'),
    mode: z
      .enum(['embedded', 'production'])
      .describe('`embedded`: PGlite under DATA_DIR; `production`: PostgreSQL.'),
    environment: z.enum(['development', 'production']),
    startedAt: z.iso.datetime(),
  })
  .meta({ id: 'SystemInfo' });

export type SystemInfoResponse = z.infer<typeof SystemInfoSchema>;
