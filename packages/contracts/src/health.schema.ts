import { z } from 'zod';

/** `GET /health`: the process is alive. */
export const LivenessSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Liveness' });

/** One component's readiness. */
export const ComponentHealthSchema = z
  .object({
    status: z.enum(['up', 'down']),
    latencyMs: z.number().describe('How long the check took.'),
    critical: z.boolean().describe('Whether this component being down makes the service not ready.'),
    error: z.string().optional().describe('Why the component is down.'),
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  })
  .meta({ id: 'ComponentHealth' });

/** `GET /health/ready`: every component's status; 200 when ready, 503 otherwise. */
export const ReadinessSchema = z
  .object({
    status: z.enum(['ready', 'not-ready']),
    components: z.record(z.string(), ComponentHealthSchema),
  })
  .meta({ id: 'Readiness' });

export type Readiness = z.infer<typeof ReadinessSchema>;
