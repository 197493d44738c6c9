export {
  ErrorResponseSchema,
  ValidationIssueSchema,
  type ErrorResponse,
  type ValidationIssue,
} from './error.schema.ts';
export { ComponentHealthSchema, LivenessSchema, ReadinessSchema, type Readiness } from './health.schema.ts';
export { SystemInfoSchema, type SystemInfoResponse } from './system.schema.ts';
