export {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  UnauthenticatedError,
  UnavailableError,
  ValidationError,
  YouWorkerError,
  type ErrorKind,
  type YouWorkerErrorOptions,
} from './errors/index.ts';
export {
  enterRequestContext,
  getRequestContext,
  runWithRequestContext,
  type RequestContext,
} from './context/request-context.ts';
export {
  HealthRegistry,
  type ComponentHealth,
  type HealthCheck,
  type ReadinessReport,
} from './health/health-registry.ts';
export { SystemService, type InstallationStore, type SystemInfo } from './system/system.service.ts';
