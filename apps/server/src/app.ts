import type { AppConfig } from '@youworker/config';
import type { HealthRegistry, SystemService } from '@youworker/core';
import Fastify, { LogController } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { requestIdBound } from './logger.ts';
import { errorHandlerPlugin } from './plugins/error-handler.plugin.ts';
import { openApiPlugin } from './plugins/openapi.plugin.ts';
import { generateRequestId, requestContextPlugin } from './plugins/request-context.plugin.ts';
import { healthRoutes } from './routes/health.routes.ts';
import { systemRoutes } from './routes/system.routes.ts';
import { API_VERSION, VERSION } from './version.ts';

/** The services the HTTP layer calls. */
export interface AppServices {
  health: HealthRegistry;
  system: SystemService;
}

/** Everything {@link buildApp} needs; built by `createDeps` in production and by tests directly. */
export interface AppDeps {
  config: AppConfig;
  logger: Logger;
  services: AppServices;
}

/**
 * The HTTP composition root: infrastructure plugins once, then each resource's routes as an
 * encapsulated plugin. Returned before `ready()`, so callers (and tests) may still add routes.
 */
export async function buildApp(deps: AppDeps) {
  const app = Fastify({
    loggerInstance: deps.logger,
    genReqId: generateRequestId,
    bodyLimit: deps.config.BODY_LIMIT_BYTES,
    logController: new LogController({
      requestIdLogLabel: 'requestId',
      // Liveness probes arrive every few seconds and say nothing worth keeping.
      disableRequestLogging: (request) => request.url === '/health',
    }),
    childLoggerFactory(logger, bindings, options) {
      const child = logger.child(bindings, options);
      (child as unknown as Record<symbol, boolean>)[requestIdBound] = true;
      return child;
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(requestContextPlugin, { apiVersion: API_VERSION });
  await app.register(errorHandlerPlugin, { production: deps.config.APP_ENV === 'production' });
  await app.register(openApiPlugin, { version: VERSION });

  await app.register(healthRoutes, { health: deps.services.health });
  await app.register(systemRoutes, {
    prefix: `/${API_VERSION}`,
    system: deps.services.system,
    apiVersion: API_VERSION,
  });

  return app;
}

/** The built HTTP application. */
export type YouWorkerApp = Awaited<ReturnType<typeof buildApp>>;
