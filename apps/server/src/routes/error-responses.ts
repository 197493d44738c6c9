import { ErrorResponseSchema } from '@youworker/contracts';

/** Declared on every route, so clients see the error envelope in OpenAPI and replies are validated. */
export const errorResponses = {
  '4xx': ErrorResponseSchema,
  '5xx': ErrorResponseSchema,
} as const;
