import { createAddressPolicy } from '@youworker/net';
import { z } from 'zod';
import { type WebServerOptions } from './web-options.ts';

const MAX_BYTES_CEILING = 100 * 1024 * 1024;
const unsetWhenEmpty = (value: unknown) => (value === '' ? undefined : value);

function allowlistIssue(entries: readonly string[]): string | undefined {
  try {
    createAddressPolicy(entries);
    return undefined;
  } catch (caught) {
    return (caught as Error).message;
  }
}

/** The environment of the standalone web MCP server, one line per variable. */
const WebEnvSchema = z
  .object({
    /** `searxng` or `duckduckgo` (default). */
    WEB_SEARCH_ENGINE: z.preprocess(unsetWhenEmpty, z.enum(['searxng', 'duckduckgo']).default('duckduckgo')),
    /** Base URL of the SearXNG instance; required when WEB_SEARCH_ENGINE=searxng. */
    SEARXNG_URL: z.preprocess(unsetWhenEmpty, z.url({ protocol: /^https?$/ }).optional()),
    /** Comma-separated CIDRs and exact hostnames the tools may reach although non-public. */
    WEB_FETCH_ALLOWLIST: z.preprocess(
      unsetWhenEmpty,
      z
        .string()
        .optional()
        .transform((value) =>
          (value ?? '')
            .split(',')
            .map((entry) => entry.trim())
            .filter(Boolean),
        )
        .superRefine((entries, context) => {
          const issue = allowlistIssue(entries);
          if (issue !== undefined) {
            context.addIssue({ code: 'custom', message: issue });
          }
        }),
    ),
    /** Cap on decoded response bytes (1 KiB–100 MiB); default 5 MiB. */
    WEB_FETCH_MAX_BYTES: z.preprocess(
      unsetWhenEmpty,
      z.coerce.number().int().min(1024).max(MAX_BYTES_CEILING).optional(),
    ),
  })
  .superRefine((env, context) => {
    if (env.WEB_SEARCH_ENGINE === 'searxng' && env.SEARXNG_URL === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['SEARXNG_URL'],
        message: 'required when WEB_SEARCH_ENGINE=searxng (e.g. http://searxng.lan:8080)',
      });
    }
  });

/**
 * Validates the web server's variables and turns them into {@link WebServerOptions}. Throws one
 * `Error` listing every invalid variable.
 */
export function parseWebEnv(env: Readonly<Record<string, string | undefined>>): WebServerOptions {
  const parsed = WebEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `- ${issue.path.join('.') || 'environment'}: ${issue.message}`,
    );
    throw new Error(`Invalid web server configuration:\n${lines.join('\n')}`);
  }
  const values = parsed.data;
  return {
    search:
      values.WEB_SEARCH_ENGINE === 'searxng' && values.SEARXNG_URL !== undefined
        ? { kind: 'searxng', url: values.SEARXNG_URL }
        : { kind: 'duckduckgo' },
    fetch: {
      allow: values.WEB_FETCH_ALLOWLIST,
      ...(values.WEB_FETCH_MAX_BYTES === undefined ? {} : { maxBytes: values.WEB_FETCH_MAX_BYTES }),
    },
  };
}

/** {@link parseWebEnv} over `process.env`: the only place this package reads the environment. */
export function loadWebEnv(): WebServerOptions {
  // eslint-disable-next-line no-restricted-properties -- standalone server entry
  return parseWebEnv(process.env);
}
