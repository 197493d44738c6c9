import { z } from 'zod';

/** The one error envelope of every non-2xx API response. */
export const ErrorResponseSchema = z
  .object({
    error: z.object({
      code: z.string().describe('Stable machine-readable code, e.g. `VALIDATION_FAILED`, `NOT_FOUND`.'),
      message: z.string().describe('Human-readable explanation; generic for internal errors in production.'),
      details: z.unknown().optional().describe('Structured details, e.g. the invalid fields of a 400.'),
    }),
    requestId: z
      .string()
      .describe('The request id (echoed `X-Correlation-ID`), to quote when reporting a problem.'),
  })
  .meta({ id: 'ErrorResponse' });

export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

/** One invalid field of a request, in `error.details.issues` of a 400 `VALIDATION_FAILED`. */
export const ValidationIssueSchema = z.object({
  location: z.enum(['body', 'querystring', 'params', 'headers']),
  path: z.string().describe('Dotted path of the field, empty for the whole part.'),
  message: z.string(),
});

export type ValidationIssue = z.infer<typeof ValidationIssueSchema>;
