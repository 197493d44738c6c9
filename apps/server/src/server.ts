import type { Logger } from 'pino';

/**
 * Stops the server on SIGTERM/SIGINT: stop accepting, let in-flight requests drain (Fastify's
 * `close`, which also runs every `onClose` hook), then release dependencies. If draining takes longer
 * than `timeoutMs`, exit anyway.
 */
export function installShutdownHandlers(options: {
  app: { close(): Promise<unknown> };
  logger: Logger;
  timeoutMs: number;
  closeDependencies: () => Promise<void>;
  exit?: (code: number) => void;
}): void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let shuttingDown = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      return;
    }
    shuttingDown = true;
    options.logger.info({ signal }, 'shutting down: draining in-flight requests');
    const timer = setTimeout(() => {
      options.logger.error({ timeoutMs: options.timeoutMs }, 'shutdown timed out; exiting');
      exit(1);
    }, options.timeoutMs);
    timer.unref();
    options.app
      .close()
      .then(() => options.closeDependencies())
      .then(() => {
        options.logger.info('shutdown complete');
        clearTimeout(timer);
        exit(0);
      })
      .catch((error: unknown) => {
        options.logger.error({ err: error }, 'shutdown failed');
        exit(1);
      });
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
