import { ConfigError, loadConfig, type AppConfig } from '@youworker/config';
import { DatabaseSetupError } from '@youworker/db';
import { buildApp } from './app.ts';
import { createDeps } from './deps.ts';
import { createLogger } from './logger.ts';
import { installShutdownHandlers } from './server.ts';

function readConfig(): AppConfig {
  try {
    // eslint-disable-next-line no-restricted-properties -- the composition root hands the environment to the one parser
    return loadConfig({ env: process.env });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger({ level: config.LOG_LEVEL });
  let deps;
  try {
    deps = await createDeps(config, logger);
  } catch (error) {
    if (DatabaseSetupError.isInstance(error)) {
      logger.fatal({ code: error.code }, error.message);
      process.stderr.write(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await buildApp(deps);
  installShutdownHandlers({
    app,
    logger,
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    closeDependencies: () => deps.close(),
  });
  await deps.services.system.initialize();
  await app.listen({ port: config.PORT, host: config.HOST });
  logger.info({ database: deps.database.kind, location: deps.database.location }, 'YouWorker ready');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `YouWorker failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
