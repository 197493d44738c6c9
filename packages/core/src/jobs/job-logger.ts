/**
 * The logging the job runner needs, a subset of pino's API (`logger.child({ service: 'jobs' })` fits):
 * structured context first, then the message.
 */
export interface JobLogger {
  info(context: Record<string, unknown>, message: string): void;
  warn(context: Record<string, unknown>, message: string): void;
  error(context: Record<string, unknown>, message: string): void;
}

/** Wraps a logger so that a failing log call can never break the runner's bookkeeping. */
export function safeJobLogger(logger: JobLogger): JobLogger {
  const guard =
    (level: keyof JobLogger) =>
    (context: Record<string, unknown>, message: string): void => {
      try {
        logger[level](context, message);
      } catch {
        // Nothing sensible is left to report a logging failure to.
      }
    };
  return { info: guard('info'), warn: guard('warn'), error: guard('error') };
}
