/**
 * Generated from openapi.json by `npm run generate:web-client` (openapi-typescript). Do not edit.
 */
export type paths = {
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Liveness
     * @description Answers 200 while the process runs. Touches no dependency; use it for restart decisions.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Liveness'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Readiness
     * @description Runs every component check (database query, and later vector store, LLM, MCP servers, queue) under a time limit. 200 when every critical component is up, 503 otherwise.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Readiness'];
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Readiness'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/system/info': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Installation facts
     * @description Product version, API version, the stable instance id, and whether this runs embedded or on PostgreSQL.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SystemInfo'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Open a browser session
     * @description Exchanges an API key (body `apiKey`, `Authorization: Bearer`, `X-API-Key` or `X-Authentik-Api-Key`) for an HttpOnly session cookie and a CSRF token. Failed attempts are audited and limited per IP.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            apiKey?: string;
          } | null;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['LoginResponse'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * End the browser session
     * @description Revokes the session server-side and clears its cookies. Needs `X-CSRF-Token` when called with the cookie.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/logout-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign out everywhere
     * @description Revokes every browser session of the caller (all devices, this one included) and clears this browser’s cookies. API keys stay valid. Audited (`auth.logout`, details `scope: all` and `sessionsEnded`). Needs `X-CSRF-Token` when called with the cookie.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Who am I
     * @description The authenticated user and how they authenticated.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Me'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/csrf-token': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * CSRF token of the session
     * @description Sets the readable `yw_csrf` cookie and returns the token to send as `X-CSRF-Token` on unsafe requests. Only for session (cookie) callers; API-key callers need none.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CsrfToken'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/account': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My profile
     * @description The caller’s user record.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['User'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Delete my account
     * @description Deletes the caller and everything they own. `confirm` must be the caller’s username.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Your username, typed exactly. */
            confirm: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Update my profile
     * @description Changes the display name or email. Unicode is kept; control characters are removed.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            displayName?: string;
            email?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['User'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/account/api-keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My API keys
     * @description Metadata of every key of the caller, newest first.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ApiKey'][];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /**
     * Create an API key
     * @description Returns the secret once; only a keyed hash is stored.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** @description Omit for a key that does not expire. */
            expiresInDays?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CreatedApiKey'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/account/api-keys/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Revoke an API key
     * @description Effective on the next request; browser sessions opened with the key end too.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiKey'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/account/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Export my data
     * @description A JSON document of everything the caller owns, streamed as an attachment.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The export document (JSON), streamed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': unknown;
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List my chat sessions
     * @description Most recently active first; `search` matches titles. Cursor pagination.
     */
    get: {
      parameters: {
        query?: {
          /** @description Matches the title, case-insensitively. */
          search?: string;
          limit?: number;
          /** @description `nextCursor` of the previous page. */
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ChatSession'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sessions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A chat session with its messages
     * @description Messages oldest first, decrypted, each with its tool runs and token usage.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ChatSessionDetail'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Delete a chat session
     * @description Deletes the session, its messages and tool runs.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Rename or pin a chat session
     * @description Changes the title or the pinned flag.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            title?: string;
            pinned?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ChatSession'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/account/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Delete my whole chat history
     * @description Deletes every chat session of the caller; returns how many sessions and messages went.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              sessions: number;
              messages: number;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/chat': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Chat with the agent
     * @description Sends one user message; the server loads the session history, runs the agent (LLM + tools) and stores the answer. With `rag: auto` (default) the documents in `scope` the caller may see are searched first and the best chunks given to the model as numbered sources; the answer's `[n]` markers come back as `citations` (docs/documents.md, "Chat retrieval"). `stream: true` (default) answers with Server-Sent Events of stream protocol v1 (docs/stream-protocol.md); `stream: false` with one JSON object. A model that cannot be reached gives 503 `LLM_UNAVAILABLE` (in a stream: an `error` event, then `run-end`).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ChatRequestInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ChatResponse'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/models': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List models (OpenAI-compatible)
     * @description The models a chat completion may name: `LLM_DEFAULT_MODEL` plus `LLM_ALLOWED_MODELS` when that is set, otherwise what the model server lists. When the model server cannot be reached the list holds only the default model (the chat call then reports the outage). Errors use the OpenAI error shape.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OpenAiModelList'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OpenAiErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OpenAiErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/chat/completions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a chat completion (OpenAI-compatible)
     * @description Runs the YouWorker agent (server-side tools) on the client's conversation: the last message must be from the user; earlier messages are the history. Each call starts a new stored session, named in the `x-youworker-session-id` response header; sending that header continues the stored session instead (the server's history is used and earlier client messages are ignored). `stream: true` answers with `chat.completion.chunk` Server-Sent Events and `data: [DONE]`. Client-side `tools`, non-text content parts and `n` > 1 are refused with 400. Document retrieval is off unless the extension field `youworker: {rag: "auto", scope?}` asks for it. Errors use the OpenAI error shape. See docs/openai-compatible.md.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Continue this stored session. */
          'x-youworker-session-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['OpenAiChatCompletionRequestInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OpenAiChatCompletion'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OpenAiErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OpenAiErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/documents/upload': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Upload files
     * @description multipart/form-data with one or more `file` parts, an optional `tags` field (comma-separated), and optional `groupId` (a group you are in; 403 `NOT_A_MEMBER` otherwise) and `isPrivate` (`true`: readable by you only, even inside the group) fields. Each file is streamed to disk with the size limit enforced while streaming; its type is detected from its content. Returns at once with the ingestion run; progress at `/v1/ingestion-runs/{id}`. Re-uploading content you already have returns the existing document (`duplicate: true`).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['IngestionStarted'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/documents/ingest': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Ingest a URL or a server path
     * @description `{url}`: an HTML page or a direct file link, fetched with SSRF protection (private, loopback and metadata addresses refused on every redirect hop). `{path, recursive}`: a file or folder under `INGEST_ALLOWED_ROOTS` (traversal and symlink escapes refused). Returns at once with the run. `groupId` puts the new documents into a group you are in (403 `NOT_A_MEMBER` otherwise); `isPrivate` keeps them readable by you only.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json':
            | {
                /**
                 * Format: uri
                 * @description An http(s) URL: an HTML page or a direct file link.
                 */
                url: string;
                tags?: string[];
                /** @description A group you are in (403 `NOT_A_MEMBER` otherwise). */
                groupId?: string | null;
                /**
                 * @description Keep it readable by you only, even inside the group.
                 * @default false
                 */
                isPrivate?: boolean;
              }
            | {
                /** @description An absolute server path under `INGEST_ALLOWED_ROOTS`. */
                path: string;
                /** @default false */
                recursive?: boolean;
                tags?: string[];
                /** @description A group you are in (403 `NOT_A_MEMBER` otherwise). */
                groupId?: string | null;
                /**
                 * @description Keep it readable by you only, even inside the group.
                 * @default false
                 */
                isPrivate?: boolean;
              };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['IngestionStarted'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/documents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List documents I can see
     * @description Yours and those shared with you through your groups (not private), newest first; filters by title search, tags (all required), status, format family (`type`) and group. Cursor pagination.
     */
    get: {
      parameters: {
        query?: {
          /** @description Matches the title, case-insensitively. */
          search?: string;
          /** @description Comma-separated; documents must carry all of them. */
          tags?: string;
          /** @description `unsupported_until_stt`: audio/video kept until speech-to-text is available. */
          status?: 'queued' | 'processing' | 'ready' | 'failed' | 'unsupported_until_stt';
          /** @description `pdf`; `office` (Word, Excel, PowerPoint, OpenDocument, RTF); `text` (plain, Markdown, CSV/TSV, JSON, XML); `web` (HTML); `image`. */
          type?: 'pdf' | 'office' | 'text' | 'web' | 'image';
          /** @description Only documents of this group (that you may read). */
          groupId?: string;
          limit?: number;
          /** @description `nextCursor` of the previous page. */
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Document'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/documents/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A document with its first chunks
     * @description Metadata and the first three chunks, for a document you own or that is shared with you; 404 otherwise.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DocumentDetail'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Delete a document
     * @description Owner only (403 `DOCUMENT_OWNER_ONLY` for group members who can read it). Removes the document, its chunks and vectors, and its stored file, together. Audited.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Rename, retag, move or reprivatise a document
     * @description Owner only (403 `DOCUMENT_OWNER_ONLY` for others who can read it, 404 for the rest), except that an admin of its group may take it out of the group (`{"groupId": null}`). Moving into a group needs membership (403 `NOT_A_MEMBER`). Tags, group and privacy take effect in search at once, without re-embedding.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            title?: string;
            tags?: string[];
            /** @description Move it into a group you are in (owner), or out of its group with null (owner or group admin). */
            groupId?: string | null;
            /** @description Owner only. */
            isPrivate?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Document'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/documents/{id}/reindex': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Parse, chunk and embed a document again
     * @description Owner only. The old chunks stay searchable until the new ones replace them atomically.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['IngestionRun'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/ingestion-runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My ingestion runs
     * @description Newest first. Cursor pagination.
     */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description `nextCursor` of the previous page. */
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['IngestionRun'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/ingestion-runs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An ingestion run and its progress
     * @description Status, stage, files done and failed, chunks embedded, and one error line per failed file.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['IngestionRun'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/ingestion-runs/{id}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Live progress of an ingestion run (SSE)
     * @description Server-Sent Events: a `data: <IngestionRun JSON>` frame each time the run changes (stage, counters, errors), ending after the run finishes. Heartbeat comments every 15 s.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description text/event-stream */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Search my documents
     * @description Hybrid retrieval: lexical (PostgreSQL full-text) and dense (embeddings) candidates fused with reciprocal rank fusion, with the access filter inside the store query. Returns chunks with their document title, page, score and a snippet with highlight ranges.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            query: string;
            /** @default 10 */
            k?: number;
            /**
             * @default hybrid
             * @enum {string}
             */
            mode?: 'hybrid' | 'dense' | 'lexical';
            filters?: {
              /** @description Chunks of documents carrying any of these tags. */
              tags?: string[];
              documentIds?: string[];
              mimeTypes?: string[];
              /** Format: uuid */
              groupId?: string;
              /** Format: date-time */
              createdAfter?: string;
              /** Format: date-time */
              createdBefore?: string;
            };
            /**
             * @description Diversify the results (maximal marginal relevance).
             * @default false
             */
            mmr?: boolean;
            /** @description At most this many chunks per document. */
            perDocument?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SearchResponse'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/mcp-bridge/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Search as the MCP caller
     * @description For the `semantic` MCP server: hybrid search over the documents the caller-token user may see. At most 20 results, each with title, page, heading path and score for citations.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description The short-lived caller token (`v1.…`) the platform signed for this tool call. */
          'x-youworker-caller'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            query: string;
            /** @default 8 */
            k?: number;
            /**
             * @default hybrid
             * @enum {string}
             */
            mode?: 'hybrid' | 'dense' | 'lexical';
            filters?: {
              /** @description Chunks of documents carrying any of these tags. */
              tags?: string[];
              documentIds?: string[];
              /** Format: uuid */
              groupId?: string;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['McpBridgeSearchResponse'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/mcp-bridge/chunk-context': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A chunk and its neighbours, as the MCP caller
     * @description For the `semantic` MCP server: the chunk at `ordinal` of a document the caller may see, with up to `window` (0-5) chunks on each side. Not found when the caller may not see the document.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description The short-lived caller token (`v1.…`) the platform signed for this tool call. */
          'x-youworker-caller'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            documentId: string;
            ordinal: number;
            /**
             * @description Chunks on each side of `ordinal`.
             * @default 1
             */
            window?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['McpBridgeChunkContext'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/mcp-bridge/documents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * List documents, as the MCP caller
     * @description For the `semantic` MCP server: the documents the caller may see, newest first, at most 50, optionally filtered by title and tags.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description The short-lived caller token (`v1.…`) the platform signed for this tool call. */
          'x-youworker-caller'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Matches the title, case-insensitively. */
            search?: string;
            /** @description Documents must carry all of them. */
            tags?: string[];
            /** @default 20 */
            limit?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['McpBridgeDocuments'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/mcp-bridge/ingest': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Ingest a URL or server path, as the MCP caller
     * @description For the `ingest` MCP server: `{ url }` or `{ path, recursive }`, owned by the caller-token user. The same rules as `POST /v1/documents/ingest` apply: private addresses are refused when fetched, paths must lie under `INGEST_ALLOWED_ROOTS`. Returns at once with the run.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description The short-lived caller token (`v1.…`) the platform signed for this tool call. */
          'x-youworker-caller'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json':
            | {
                /**
                 * Format: uri
                 * @description An http(s) URL: an HTML page or a direct file link.
                 */
                url: string;
                tags?: string[];
                /** @description A group you are in (403 `NOT_A_MEMBER` otherwise). */
                groupId?: string | null;
                /**
                 * @description Keep it readable by you only, even inside the group.
                 * @default false
                 */
                isPrivate?: boolean;
              }
            | {
                /** @description An absolute server path under `INGEST_ALLOWED_ROOTS`. */
                path: string;
                /** @default false */
                recursive?: boolean;
                tags?: string[];
                /** @description A group you are in (403 `NOT_A_MEMBER` otherwise). */
                groupId?: string | null;
                /**
                 * @description Keep it readable by you only, even inside the group.
                 * @default false
                 */
                isPrivate?: boolean;
              };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['IngestionStarted'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/mcp-bridge/runs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An ingestion run, as the MCP caller
     * @description For the `ingest` MCP server: one of the caller-token user's ingestion runs and its counts.
     */
    get: {
      parameters: {
        query?: never;
        header?: {
          /** @description The short-lived caller token (`v1.…`) the platform signed for this tool call. */
          'x-youworker-caller'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['IngestionRun'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/groups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a group
     * @description You become its admin. Names are unique case-insensitively (409 `GROUP_NAME_TAKEN`).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Unique, case-insensitively. */
            name: string;
            description?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Group'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/groups/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My groups
     * @description The groups you are in, with their member counts and your role.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Group'][];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/groups/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A group
     * @description Someone who is not a member (nor a platform admin) gets 404, as for a missing group.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Group'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    /**
     * Rename or describe a group
     * @description Group admins and platform admins; other members get 403 `GROUP_ADMIN_REQUIRED`. Someone who is not a member (nor a platform admin) gets 404, as for a missing group.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            description?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Group'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    post?: never;
    /**
     * Delete a group
     * @description Group admins and platform admins. Its documents stay with their owners, out of any group. Audited.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/groups/{id}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Members of a group
     * @description Someone who is not a member (nor a platform admin) gets 404, as for a missing group.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['GroupMember'][];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /**
     * Add a member
     * @description Group admins and platform admins. 404 `USER_NOT_FOUND` for an unknown user, 409 `ALREADY_MEMBER` when they are in already.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: uuid
             * @description Find it with `GET /v1/users/lookup`.
             */
            userId: string;
            /**
             * @description `admin`: manages the group and its members; `member`: reads what is shared into it.
             * @default member
             * @enum {string}
             */
            role?: 'member' | 'admin';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['GroupMember'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/groups/{id}/members/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Change a member's role
     * @description Group admins and platform admins. Demoting the last admin is 409 `LAST_ADMIN`.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          userId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description `admin`: manages the group and its members; `member`: reads what is shared into it.
             * @enum {string}
             */
            role: 'member' | 'admin';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['GroupMember'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    post?: never;
    /**
     * Remove a member, or leave
     * @description Your own user id: you leave the group (any member). Someone else: group admins and platform admins. The last admin cannot leave or be removed (409 `LAST_ADMIN`).
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          userId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Removed */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/groups/{id}/documents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Documents of a group
     * @description The group's documents you may read (private ones only if they are yours). Someone who is not a member (nor a platform admin) gets 404, as for a missing group.
     */
    get: {
      parameters: {
        query?: {
          /** @description Matches the title, case-insensitively. */
          search?: string;
          /** @description Comma-separated; documents must carry all of them. */
          tags?: string;
          /** @description `unsupported_until_stt`: audio/video kept until speech-to-text is available. */
          status?: 'queued' | 'processing' | 'ready' | 'failed' | 'unsupported_until_stt';
          /** @description `pdf`; `office` (Word, Excel, PowerPoint, OpenDocument, RTF); `text` (plain, Markdown, CSV/TSV, JSON, XML); `web` (HTML); `image`. */
          type?: 'pdf' | 'office' | 'text' | 'web' | 'image';
          limit?: number;
          /** @description `nextCursor` of the previous page. */
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Document'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/users/lookup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Find a user to add to a group
     * @description Exact username or email, case-insensitive; public facts only. No partial matches, so it cannot list users. 404 `USER_NOT_FOUND` otherwise.
     */
    get: {
      parameters: {
        query: {
          /** @description An exact username or email (case-insensitive). */
          q: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['UserLookup'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/groups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every group
     * @description Platform admins: all groups with member counts, by name. Managing a group gives no access to its documents.
     */
    get: {
      parameters: {
        query?: {
          limit?: number;
          offset?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Group'][];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/tools': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Tools and MCP servers
     * @description Every MCP server with its connection state, and every tool it offers: the name the model calls (`<server>__<tool>`), description, JSON Schema, whether it is enabled, and its server's state.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ToolCatalog'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List users
     * @description Users by creation time; `search` matches username, display name and email. Cursor pagination.
     */
    get: {
      parameters: {
        query?: {
          search?: string;
          limit?: number;
          /** @description `nextCursor` of the previous page. */
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['User'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /**
     * Create a user
     * @description Creates a local user, optionally with a first API key whose secret is returned once.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            username: string;
            displayName?: string;
            email?: string | null;
            /**
             * @default user
             * @enum {string}
             */
            role?: 'admin' | 'user';
            /**
             * @description Also create a first API key and return its secret.
             * @default false
             */
            createApiKey?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: components['schemas']['User'];
              apiKey?: components['schemas']['CreatedApiKey'];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Update a user
     * @description Changes role, status, display name or email. Disabling ends the user’s sessions at once; the last active admin cannot be demoted or disabled.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            displayName?: string;
            email?: string | null;
            /** @enum {string} */
            role?: 'admin' | 'user';
            /** @enum {string} */
            status?: 'active' | 'disabled';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['User'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/admin/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Audit log
     * @description Security and administration events, newest first; filter by actor, action and time. Cursor pagination.
     */
    get: {
      parameters: {
        query?: {
          actorUserId?: string;
          action?: string;
          from?: string;
          to?: string;
          limit?: number;
          /** @description `nextCursor` of the previous page. */
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['AuditEvent'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
};
export type webhooks = Record<string, never>;
export type components = {
  schemas: {
    ErrorResponseInput: {
      error: {
        /** @description Stable machine-readable code, e.g. `VALIDATION_FAILED`, `NOT_FOUND`. */
        code: string;
        /** @description Human-readable explanation; generic for internal errors in production. */
        message: string;
        /** @description Structured details, e.g. the invalid fields of a 400. */
        details?: unknown;
      };
      /** @description The request id (echoed `X-Correlation-ID`), to quote when reporting a problem. */
      requestId: string;
    };
    LivenessInput: {
      /** @constant */
      status: 'ok';
    };
    ComponentHealthInput: {
      /** @enum {string} */
      status: 'up' | 'down';
      /** @description How long the check took. */
      latencyMs: number;
      /** @description Whether this component being down makes the service not ready. */
      critical: boolean;
      /** @description Why the component is down. */
      error?: string;
      details?: {
        [key: string]: string | number | boolean;
      };
    };
    ReadinessInput: {
      /** @enum {string} */
      status: 'ready' | 'not-ready';
      components: {
        [key: string]: components['schemas']['ComponentHealthInput'];
      };
    };
    SystemInfoInput: {
      /** @constant */
      name: 'YouWorker';
      version: string;
      /** @description Version of the HTTP API (`v1`). */
      apiVersion: string;
      /**
       * Format: uuid
       * @description Created on the first start and kept across restarts.
       */
      instanceId: string;
      /**
       * @description `embedded`: PGlite under DATA_DIR; `production`: PostgreSQL.
       * @enum {string}
       */
      mode: 'embedded' | 'production';
      /** @enum {string} */
      environment: 'development' | 'production';
      /** Format: date-time */
      startedAt: string;
    };
    MeInput: {
      /** Format: uuid */
      id: string;
      username: string;
      displayName: string;
      email: string | null;
      /** @enum {string} */
      role: 'admin' | 'user';
      /** @enum {string} */
      authenticatedBy: 'api-key' | 'session' | 'forward-auth';
    };
    LoginResponseInput: {
      user: components['schemas']['MeInput'];
      /** @description Send it as `X-CSRF-Token` on unsafe requests made with the session cookie. */
      csrfToken: string;
      /**
       * Format: date-time
       * @description The session slides: each use extends it.
       */
      expiresAt: string;
    };
    CsrfTokenInput: {
      csrfToken: string;
    };
    UserInput: {
      /** Format: uuid */
      id: string;
      username: string;
      displayName: string;
      email: string | null;
      /** @enum {string} */
      role: 'admin' | 'user';
      /** @enum {string} */
      status: 'active' | 'disabled';
      /** @enum {string} */
      authSource: 'local' | 'forward-auth';
      /** @description Groups forwarded by the SSO proxy, mapped by the groups feature. */
      externalGroups: string[];
      /** Format: date-time */
      createdAt: string;
      lastLoginAt: string | null;
    };
    ApiKeyInput: {
      /** Format: uuid */
      id: string;
      name: string;
      /** @description The first characters of the key, to recognise it. */
      prefix: string;
      /** Format: date-time */
      createdAt: string;
      lastUsedAt: string | null;
      expiresAt: string | null;
      revokedAt: string | null;
    };
    CreatedApiKeyInput: {
      apiKey: components['schemas']['ApiKeyInput'];
      /** @description Shown once; store it now. */
      secret: string;
    };
    AuditEventInput: {
      id: string;
      /** Format: date-time */
      occurredAt: string;
      actorUserId: string | null;
      actorLabel: string;
      action: string;
      targetType: string | null;
      targetId: string | null;
      /** @enum {string} */
      outcome: 'success' | 'failure' | 'denied';
      ip: string | null;
      userAgent: string | null;
      requestId: string | null;
      details: {
        [key: string]: unknown;
      };
    };
    ChatSessionInput: {
      /** Format: uuid */
      id: string;
      title: string;
      pinned: boolean;
      model: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    TokenUsageInput: {
      promptTokens?: number;
      completionTokens?: number;
      reasoningTokens?: number;
    };
    ToolRunInput: {
      /** Format: uuid */
      id: string;
      step: number;
      toolCallId: string;
      toolName: string;
      /** @description The arguments as the model sent them (JSON text). */
      arguments: string;
      resultPreview: string | null;
      /** @enum {string} */
      status: 'success' | 'error' | 'timeout' | 'cancelled';
      durationMs: number;
      errorCode: string | null;
    };
    ChatCitationInput: {
      /** @description The `[n]` marker of the answer this citation resolves. */
      n: number;
      /** Format: uuid */
      documentId: string;
      documentTitle: string;
      /** Format: uuid */
      chunkId: string;
      /** @description Page (or slide) of the chunk, when the format has pages. */
      page: number | null;
      /** @description Spreadsheet sheet of the chunk, when it comes from one. */
      sheet: string | null;
      /** @description Headings above the chunk, outermost first. */
      headingPath: string[];
      /** @description A short excerpt of the chunk (≤ ~320 characters). */
      snippet: string;
    };
    ChatMessageInput: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      role: 'user' | 'assistant';
      content: string;
      /** @enum {string} */
      status: 'complete' | 'cancelled' | 'error';
      model: string | null;
      usage: components['schemas']['TokenUsageInput'];
      errorCode: string | null;
      /** Format: date-time */
      createdAt: string;
      toolRuns: components['schemas']['ToolRunInput'][];
      /** @description Sources an assistant answer cites (empty for user messages). Citations of documents the reader can no longer see are left out. */
      citations: components['schemas']['ChatCitationInput'][];
    };
    ChatSessionDetailInput: {
      session: components['schemas']['ChatSessionInput'];
      messages: components['schemas']['ChatMessageInput'][];
    };
    /** @description Documents searched for context. Omitted (or `{}`): every document the caller may see. Both fields given: both apply. */
    ChatDocumentScopeInput: {
      /** @description Only these documents (ids the caller cannot see match nothing). */
      documentIds?: string[];
      /**
       * Format: uuid
       * @description Only documents shared into this group.
       */
      groupId?: string;
    };
    /**
     * @description `auto`: search the documents in scope and give the best chunks to the model as numbered sources it cites as `[n]` (no hits: a normal answer); `off`: no retrieval.
     * @enum {string}
     */
    ChatRagModeInput: 'auto' | 'off';
    ChatRequestInput: {
      /**
       * Format: uuid
       * @description Continue this session; omit to start a new one.
       */
      sessionId?: string;
      message: string;
      /** @description Default: LLM_DEFAULT_MODEL. */
      model?: string;
      /**
       * @description Let the model call tools.
       * @default true
       */
      tools?: boolean;
      /** @default auto */
      rag?: components['schemas']['ChatRagModeInput'];
      scope?: components['schemas']['ChatDocumentScopeInput'];
      /**
       * @description `true`: Server-Sent Events (docs/stream-protocol.md); `false`: one JSON answer.
       * @default true
       */
      stream?: boolean;
    };
    ChatRetrievalInput: {
      /**
       * @description `off`: not asked for; `none`: no document in scope matched; `used`: sources were given to the model; `failed`: retrieval failed and the turn went on without sources.
       * @enum {string}
       */
      status: 'off' | 'none' | 'used' | 'failed';
      /** @description Chunks given to the model as numbered sources. */
      sources: number;
      /** @description Why retrieval failed (`failed` only). */
      errorCode?: string;
    };
    ChatResponseInput: {
      /** Format: uuid */
      sessionId: string;
      runId: string;
      model: string;
      text: string;
      /** @enum {string} */
      finishReason: 'stop' | 'step-limit' | 'timeout' | 'token-budget' | 'cancelled' | 'error';
      usage: components['schemas']['TokenUsageInput'];
      toolRuns: {
        step: number;
        toolCallId: string;
        toolName: string;
        /** @description The arguments as the model sent them (JSON text). */
        arguments: string;
        resultPreview: string | null;
        /** @enum {string} */
        status: 'success' | 'error' | 'timeout' | 'cancelled';
        durationMs: number;
        errorCode: string | null;
      }[];
      /** @description The sources the answer cites with `[n]` markers. */
      citations: components['schemas']['ChatCitationInput'][];
      retrieval: components['schemas']['ChatRetrievalInput'];
    };
    OpenAiChatCompletionRequestInput: {
      /** @description A model of `GET /v1/models`. */
      model: string;
      /** @description The conversation; the last message must be from the user. */
      messages: ({
        /** @enum {string} */
        role: 'system' | 'developer' | 'user' | 'assistant' | 'tool';
        content?:
          | (
              | string
              | ({
                  type: string;
                  text?: string;
                } & {
                  [key: string]: unknown;
                })[]
            )
          | null;
        name?: string;
        tool_calls?: ({
          id: string;
          type?: string;
          function: {
            name: string;
            arguments: string;
          } & {
            [key: string]: unknown;
          };
        } & {
          [key: string]: unknown;
        })[];
        tool_call_id?: string;
      } & {
        [key: string]: unknown;
      })[];
      stream?: boolean | null;
      stream_options?:
        | ({
            include_usage?: boolean;
          } & {
            [key: string]: unknown;
          })
        | null;
      /** @description Only 1 is supported. */
      n?: number | null;
      /** @description Accepted and ignored (LLM_TEMPERATURE applies). */
      temperature?: number | null;
      /** @description Accepted and ignored. */
      max_tokens?: number | null;
      /** @description Accepted and ignored. */
      max_completion_tokens?: number | null;
      /** @description Client-side tools are refused when not empty. */
      tools?: unknown[] | null;
      /** @description Only `none` and `auto` are accepted. */
      tool_choice?: unknown;
    } & {
      [key: string]: unknown;
    };
    OpenAiUsageInput: {
      prompt_tokens: number;
      completion_tokens: number;
      total_tokens: number;
      completion_tokens_details?: {
        reasoning_tokens: number;
      };
    };
    /** @description With `stream: true` the answer is instead Server-Sent Events of `chat.completion.chunk` objects, ending with `data: [DONE]`. */
    OpenAiChatCompletionInput: {
      id: string;
      /** @constant */
      object: 'chat.completion';
      created: number;
      model: string;
      choices: {
        index: number;
        message: {
          /** @constant */
          role: 'assistant';
          content: string | null;
          refusal: null;
          reasoning_content?: string;
        };
        /** @enum {string} */
        finish_reason: 'stop' | 'length';
        logprobs: null;
      }[];
      usage: components['schemas']['OpenAiUsageInput'];
    };
    OpenAiModelInput: {
      id: string;
      /** @constant */
      object: 'model';
      created: number;
      owned_by: string;
    };
    OpenAiModelListInput: {
      /** @constant */
      object: 'list';
      data: components['schemas']['OpenAiModelInput'][];
    };
    OpenAiErrorResponseInput: {
      error: {
        message: string;
        /** @description `invalid_request_error`, `authentication_error`, `rate_limit_error`… */
        type: string;
        param: string | null;
        /** @description YouWorker error code in lower case, e.g. `model_not_found`. */
        code: string | null;
      };
    };
    ToolServerInput: {
      name: string;
      /** @enum {string} */
      transport: 'stdio' | 'http';
      /**
       * @description `down`: the connection failed or closed; the platform reconnects with backoff.
       * @enum {string}
       */
      state: 'disabled' | 'connecting' | 'ready' | 'down';
      /** @description Enabled tools the agent can call now. */
      tools: number;
      /** @description Reconnections since the platform started. */
      restarts: number;
      lastError: string | null;
      connectedAt: string | null;
    };
    ToolInfoInput: {
      /** @description The name the model calls: `<server>__<tool>`. */
      name: string;
      server: string;
      /** @description The name on its MCP server. */
      tool: string;
      title: string | null;
      description: string;
      /** @description JSON Schema of the arguments. */
      inputSchema: {
        [key: string]: unknown;
      };
      annotations: {
        [key: string]: unknown;
      } | null;
      /** @description False when the server entry's allow/deny lists exclude it. */
      enabled: boolean;
      /**
       * @description `down`: the connection failed or closed; the platform reconnects with backoff.
       * @enum {string}
       */
      serverState: 'disabled' | 'connecting' | 'ready' | 'down';
    };
    ToolCatalogInput: {
      servers: components['schemas']['ToolServerInput'][];
      tools: components['schemas']['ToolInfoInput'][];
    };
    DocumentInput: {
      /** Format: uuid */
      id: string;
      title: string;
      /** Format: uuid */
      ownerId: string;
      /** @description The group it belongs to, if any. */
      groupId: string | null;
      /** @description Readable by the owner only, even inside its group. Group members read it when false. */
      isPrivate: boolean;
      /** @enum {string} */
      sourceType: 'upload' | 'url' | 'path';
      sourceUri: string | null;
      /** @description Detected from the content, never from the client. */
      mimeType: string | null;
      sizeBytes: number;
      contentSha256: string | null;
      pageCount: number | null;
      chunkCount: number;
      /**
       * @description `unsupported_until_stt`: audio/video kept until speech-to-text is available.
       * @enum {string}
       */
      status: 'queued' | 'processing' | 'ready' | 'failed' | 'unsupported_until_stt';
      error: string | null;
      tags: string[];
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      indexedAt: string | null;
    };
    ChunkInput: {
      /** Format: uuid */
      id: string;
      ordinal: number;
      text: string;
      page: number | null;
      sheet: string | null;
      headingPath: string[];
    };
    DocumentDetailInput: {
      document: components['schemas']['DocumentInput'];
      /** @description The first chunks, in order. */
      chunks: components['schemas']['ChunkInput'][];
    };
    IngestionRunInput: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      status: 'queued' | 'running' | 'succeeded' | 'partial' | 'failed';
      /** @enum {string} */
      sourceType: 'upload' | 'url' | 'path' | 'reindex';
      sourceLabel: string;
      /** @description fetch, parse, embed, index, done. */
      stage: string | null;
      filesTotal: number;
      filesDone: number;
      filesFailed: number;
      chunksEmbedded: number;
      errors: {
        file: string;
        message: string;
      }[];
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      finishedAt: string | null;
    };
    IngestionStartedInput: {
      run: components['schemas']['IngestionRunInput'];
      documents: {
        /** Format: uuid */
        id: string;
        title: string;
        /**
         * @description `unsupported_until_stt`: audio/video kept until speech-to-text is available.
         * @enum {string}
         */
        status: 'queued' | 'processing' | 'ready' | 'failed' | 'unsupported_until_stt';
        /** @description The owner already had this exact content: the existing document is returned. */
        duplicate: boolean;
      }[];
    };
    SearchResultInput: {
      /** Format: uuid */
      chunkId: string;
      /** Format: uuid */
      documentId: string;
      documentTitle: string;
      ordinal: number;
      page: number | null;
      sheet: string | null;
      headingPath: string[];
      score: number;
      denseRank: number | null;
      lexicalRank: number | null;
      text: string;
      snippet: string;
      /** @description [start, end) ranges of query words in `snippet`. */
      highlights: [number, number][];
    };
    SearchResponseInput: {
      results: components['schemas']['SearchResultInput'][];
    };
    GroupInput: {
      /** Format: uuid */
      id: string;
      name: string;
      description: string;
      memberCount: number;
      /** @description Your role in the group; null when you are not a member. */
      myRole: ('member' | 'admin') | null;
      /**
       * @description `sso`: created and kept in sync from the SSO groups header (`SSO_GROUP_SYNC`); its memberships cannot be changed through the API (409 `GROUP_MANAGED_BY_SSO`).
       * @enum {string}
       */
      source: 'platform' | 'sso';
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    GroupMemberInput: {
      /** Format: uuid */
      userId: string;
      username: string;
      displayName: string;
      /**
       * @description `admin`: manages the group and its members; `member`: reads what is shared into it.
       * @enum {string}
       */
      role: 'member' | 'admin';
      /** Format: date-time */
      joinedAt: string;
    };
    UserLookupInput: {
      /** Format: uuid */
      id: string;
      username: string;
      displayName: string;
    };
    McpBridgeSearchResultInput: {
      /** Format: uuid */
      chunkId: string;
      /** Format: uuid */
      documentId: string;
      documentTitle: string;
      ordinal: number;
      page: number | null;
      sheet: string | null;
      headingPath: string[];
      score: number;
      text: string;
      snippet: string;
    };
    McpBridgeSearchResponseInput: {
      results: components['schemas']['McpBridgeSearchResultInput'][];
    };
    McpBridgeChunkInput: {
      /** Format: uuid */
      chunkId: string;
      ordinal: number;
      page: number | null;
      sheet: string | null;
      headingPath: string[];
      text: string;
    };
    McpBridgeChunkContextInput: {
      document: {
        /** Format: uuid */
        id: string;
        title: string;
      };
      /** @description In ordinal order; the requested chunk is among them. */
      chunks: components['schemas']['McpBridgeChunkInput'][];
    };
    McpBridgeDocumentInput: {
      /** Format: uuid */
      id: string;
      title: string;
      /**
       * @description `unsupported_until_stt`: audio/video kept until speech-to-text is available.
       * @enum {string}
       */
      status: 'queued' | 'processing' | 'ready' | 'failed' | 'unsupported_until_stt';
      /** @enum {string} */
      sourceType: 'upload' | 'url' | 'path';
      mimeType: string | null;
      pageCount: number | null;
      chunkCount: number;
      tags: string[];
      /** Format: date-time */
      createdAt: string;
    };
    McpBridgeDocumentsInput: {
      /** @description Newest first. */
      documents: components['schemas']['McpBridgeDocumentInput'][];
    };
    ErrorResponse: {
      error: {
        /** @description Stable machine-readable code, e.g. `VALIDATION_FAILED`, `NOT_FOUND`. */
        code: string;
        /** @description Human-readable explanation; generic for internal errors in production. */
        message: string;
        /** @description Structured details, e.g. the invalid fields of a 400. */
        details?: unknown;
      };
      /** @description The request id (echoed `X-Correlation-ID`), to quote when reporting a problem. */
      requestId: string;
    };
    Liveness: {
      /** @constant */
      status: 'ok';
    };
    ComponentHealth: {
      /** @enum {string} */
      status: 'up' | 'down';
      /** @description How long the check took. */
      latencyMs: number;
      /** @description Whether this component being down makes the service not ready. */
      critical: boolean;
      /** @description Why the component is down. */
      error?: string;
      details?: {
        [key: string]: string | number | boolean;
      };
    };
    Readiness: {
      /** @enum {string} */
      status: 'ready' | 'not-ready';
      components: {
        [key: string]: components['schemas']['ComponentHealth'];
      };
    };
    SystemInfo: {
      /** @constant */
      name: 'YouWorker';
      version: string;
      /** @description Version of the HTTP API (`v1`). */
      apiVersion: string;
      /**
       * Format: uuid
       * @description Created on the first start and kept across restarts.
       */
      instanceId: string;
      /**
       * @description `embedded`: PGlite under DATA_DIR; `production`: PostgreSQL.
       * @enum {string}
       */
      mode: 'embedded' | 'production';
      /** @enum {string} */
      environment: 'development' | 'production';
      /** Format: date-time */
      startedAt: string;
    };
    Me: {
      /** Format: uuid */
      id: string;
      username: string;
      displayName: string;
      email: string | null;
      /** @enum {string} */
      role: 'admin' | 'user';
      /** @enum {string} */
      authenticatedBy: 'api-key' | 'session' | 'forward-auth';
    };
    LoginResponse: {
      user: components['schemas']['Me'];
      /** @description Send it as `X-CSRF-Token` on unsafe requests made with the session cookie. */
      csrfToken: string;
      /**
       * Format: date-time
       * @description The session slides: each use extends it.
       */
      expiresAt: string;
    };
    CsrfToken: {
      csrfToken: string;
    };
    User: {
      /** Format: uuid */
      id: string;
      username: string;
      displayName: string;
      email: string | null;
      /** @enum {string} */
      role: 'admin' | 'user';
      /** @enum {string} */
      status: 'active' | 'disabled';
      /** @enum {string} */
      authSource: 'local' | 'forward-auth';
      /** @description Groups forwarded by the SSO proxy, mapped by the groups feature. */
      externalGroups: string[];
      /** Format: date-time */
      createdAt: string;
      lastLoginAt: string | null;
    };
    ApiKey: {
      /** Format: uuid */
      id: string;
      name: string;
      /** @description The first characters of the key, to recognise it. */
      prefix: string;
      /** Format: date-time */
      createdAt: string;
      lastUsedAt: string | null;
      expiresAt: string | null;
      revokedAt: string | null;
    };
    CreatedApiKey: {
      apiKey: components['schemas']['ApiKey'];
      /** @description Shown once; store it now. */
      secret: string;
    };
    AuditEvent: {
      id: string;
      /** Format: date-time */
      occurredAt: string;
      actorUserId: string | null;
      actorLabel: string;
      action: string;
      targetType: string | null;
      targetId: string | null;
      /** @enum {string} */
      outcome: 'success' | 'failure' | 'denied';
      ip: string | null;
      userAgent: string | null;
      requestId: string | null;
      details: {
        [key: string]: unknown;
      };
    };
    ChatSession: {
      /** Format: uuid */
      id: string;
      title: string;
      pinned: boolean;
      model: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    TokenUsage: {
      promptTokens?: number;
      completionTokens?: number;
      reasoningTokens?: number;
    };
    ToolRun: {
      /** Format: uuid */
      id: string;
      step: number;
      toolCallId: string;
      toolName: string;
      /** @description The arguments as the model sent them (JSON text). */
      arguments: string;
      resultPreview: string | null;
      /** @enum {string} */
      status: 'success' | 'error' | 'timeout' | 'cancelled';
      durationMs: number;
      errorCode: string | null;
    };
    ChatCitation: {
      /** @description The `[n]` marker of the answer this citation resolves. */
      n: number;
      /** Format: uuid */
      documentId: string;
      documentTitle: string;
      /** Format: uuid */
      chunkId: string;
      /** @description Page (or slide) of the chunk, when the format has pages. */
      page: number | null;
      /** @description Spreadsheet sheet of the chunk, when it comes from one. */
      sheet: string | null;
      /** @description Headings above the chunk, outermost first. */
      headingPath: string[];
      /** @description A short excerpt of the chunk (≤ ~320 characters). */
      snippet: string;
    };
    ChatMessage: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      role: 'user' | 'assistant';
      content: string;
      /** @enum {string} */
      status: 'complete' | 'cancelled' | 'error';
      model: string | null;
      usage: components['schemas']['TokenUsage'];
      errorCode: string | null;
      /** Format: date-time */
      createdAt: string;
      toolRuns: components['schemas']['ToolRun'][];
      /** @description Sources an assistant answer cites (empty for user messages). Citations of documents the reader can no longer see are left out. */
      citations: components['schemas']['ChatCitation'][];
    };
    ChatSessionDetail: {
      session: components['schemas']['ChatSession'];
      messages: components['schemas']['ChatMessage'][];
    };
    /** @description Documents searched for context. Omitted (or `{}`): every document the caller may see. Both fields given: both apply. */
    ChatDocumentScope: {
      /** @description Only these documents (ids the caller cannot see match nothing). */
      documentIds?: string[];
      /**
       * Format: uuid
       * @description Only documents shared into this group.
       */
      groupId?: string;
    };
    /**
     * @description `auto`: search the documents in scope and give the best chunks to the model as numbered sources it cites as `[n]` (no hits: a normal answer); `off`: no retrieval.
     * @enum {string}
     */
    ChatRagMode: 'auto' | 'off';
    ChatRequest: {
      /**
       * Format: uuid
       * @description Continue this session; omit to start a new one.
       */
      sessionId?: string;
      message: string;
      /** @description Default: LLM_DEFAULT_MODEL. */
      model?: string;
      /**
       * @description Let the model call tools.
       * @default true
       */
      tools: boolean;
      /** @default auto */
      rag: components['schemas']['ChatRagMode'];
      scope?: components['schemas']['ChatDocumentScope'];
      /**
       * @description `true`: Server-Sent Events (docs/stream-protocol.md); `false`: one JSON answer.
       * @default true
       */
      stream: boolean;
    };
    ChatRetrieval: {
      /**
       * @description `off`: not asked for; `none`: no document in scope matched; `used`: sources were given to the model; `failed`: retrieval failed and the turn went on without sources.
       * @enum {string}
       */
      status: 'off' | 'none' | 'used' | 'failed';
      /** @description Chunks given to the model as numbered sources. */
      sources: number;
      /** @description Why retrieval failed (`failed` only). */
      errorCode?: string;
    };
    ChatResponse: {
      /** Format: uuid */
      sessionId: string;
      runId: string;
      model: string;
      text: string;
      /** @enum {string} */
      finishReason: 'stop' | 'step-limit' | 'timeout' | 'token-budget' | 'cancelled' | 'error';
      usage: components['schemas']['TokenUsage'];
      toolRuns: {
        step: number;
        toolCallId: string;
        toolName: string;
        /** @description The arguments as the model sent them (JSON text). */
        arguments: string;
        resultPreview: string | null;
        /** @enum {string} */
        status: 'success' | 'error' | 'timeout' | 'cancelled';
        durationMs: number;
        errorCode: string | null;
      }[];
      /** @description The sources the answer cites with `[n]` markers. */
      citations: components['schemas']['ChatCitation'][];
      retrieval: components['schemas']['ChatRetrieval'];
    };
    OpenAiChatCompletionRequest: {
      /** @description A model of `GET /v1/models`. */
      model: string;
      /** @description The conversation; the last message must be from the user. */
      messages: ({
        /** @enum {string} */
        role: 'system' | 'developer' | 'user' | 'assistant' | 'tool';
        content?:
          | (
              | string
              | ({
                  type: string;
                  text?: string;
                } & {
                  [key: string]: unknown;
                })[]
            )
          | null;
        name?: string;
        tool_calls?: ({
          id: string;
          type?: string;
          function: {
            name: string;
            arguments: string;
          } & {
            [key: string]: unknown;
          };
        } & {
          [key: string]: unknown;
        })[];
        tool_call_id?: string;
      } & {
        [key: string]: unknown;
      })[];
      stream?: boolean | null;
      stream_options?:
        | ({
            include_usage?: boolean;
          } & {
            [key: string]: unknown;
          })
        | null;
      /** @description Only 1 is supported. */
      n?: number | null;
      /** @description Accepted and ignored (LLM_TEMPERATURE applies). */
      temperature?: number | null;
      /** @description Accepted and ignored. */
      max_tokens?: number | null;
      /** @description Accepted and ignored. */
      max_completion_tokens?: number | null;
      /** @description Client-side tools are refused when not empty. */
      tools?: unknown[] | null;
      /** @description Only `none` and `auto` are accepted. */
      tool_choice?: unknown;
    } & {
      [key: string]: unknown;
    };
    OpenAiUsage: {
      prompt_tokens: number;
      completion_tokens: number;
      total_tokens: number;
      completion_tokens_details?: {
        reasoning_tokens: number;
      };
    };
    /** @description With `stream: true` the answer is instead Server-Sent Events of `chat.completion.chunk` objects, ending with `data: [DONE]`. */
    OpenAiChatCompletion: {
      id: string;
      /** @constant */
      object: 'chat.completion';
      created: number;
      model: string;
      choices: {
        index: number;
        message: {
          /** @constant */
          role: 'assistant';
          content: string | null;
          refusal: null;
          reasoning_content?: string;
        };
        /** @enum {string} */
        finish_reason: 'stop' | 'length';
        logprobs: null;
      }[];
      usage: components['schemas']['OpenAiUsage'];
    };
    OpenAiModel: {
      id: string;
      /** @constant */
      object: 'model';
      created: number;
      owned_by: string;
    };
    OpenAiModelList: {
      /** @constant */
      object: 'list';
      data: components['schemas']['OpenAiModel'][];
    };
    OpenAiErrorResponse: {
      error: {
        message: string;
        /** @description `invalid_request_error`, `authentication_error`, `rate_limit_error`… */
        type: string;
        param: string | null;
        /** @description YouWorker error code in lower case, e.g. `model_not_found`. */
        code: string | null;
      };
    };
    ToolServer: {
      name: string;
      /** @enum {string} */
      transport: 'stdio' | 'http';
      /**
       * @description `down`: the connection failed or closed; the platform reconnects with backoff.
       * @enum {string}
       */
      state: 'disabled' | 'connecting' | 'ready' | 'down';
      /** @description Enabled tools the agent can call now. */
      tools: number;
      /** @description Reconnections since the platform started. */
      restarts: number;
      lastError: string | null;
      connectedAt: string | null;
    };
    ToolInfo: {
      /** @description The name the model calls: `<server>__<tool>`. */
      name: string;
      server: string;
      /** @description The name on its MCP server. */
      tool: string;
      title: string | null;
      description: string;
      /** @description JSON Schema of the arguments. */
      inputSchema: {
        [key: string]: unknown;
      };
      annotations: {
        [key: string]: unknown;
      } | null;
      /** @description False when the server entry's allow/deny lists exclude it. */
      enabled: boolean;
      /**
       * @description `down`: the connection failed or closed; the platform reconnects with backoff.
       * @enum {string}
       */
      serverState: 'disabled' | 'connecting' | 'ready' | 'down';
    };
    ToolCatalog: {
      servers: components['schemas']['ToolServer'][];
      tools: components['schemas']['ToolInfo'][];
    };
    Document: {
      /** Format: uuid */
      id: string;
      title: string;
      /** Format: uuid */
      ownerId: string;
      /** @description The group it belongs to, if any. */
      groupId: string | null;
      /** @description Readable by the owner only, even inside its group. Group members read it when false. */
      isPrivate: boolean;
      /** @enum {string} */
      sourceType: 'upload' | 'url' | 'path';
      sourceUri: string | null;
      /** @description Detected from the content, never from the client. */
      mimeType: string | null;
      sizeBytes: number;
      contentSha256: string | null;
      pageCount: number | null;
      chunkCount: number;
      /**
       * @description `unsupported_until_stt`: audio/video kept until speech-to-text is available.
       * @enum {string}
       */
      status: 'queued' | 'processing' | 'ready' | 'failed' | 'unsupported_until_stt';
      error: string | null;
      tags: string[];
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      indexedAt: string | null;
    };
    Chunk: {
      /** Format: uuid */
      id: string;
      ordinal: number;
      text: string;
      page: number | null;
      sheet: string | null;
      headingPath: string[];
    };
    DocumentDetail: {
      document: components['schemas']['Document'];
      /** @description The first chunks, in order. */
      chunks: components['schemas']['Chunk'][];
    };
    IngestionRun: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      status: 'queued' | 'running' | 'succeeded' | 'partial' | 'failed';
      /** @enum {string} */
      sourceType: 'upload' | 'url' | 'path' | 'reindex';
      sourceLabel: string;
      /** @description fetch, parse, embed, index, done. */
      stage: string | null;
      filesTotal: number;
      filesDone: number;
      filesFailed: number;
      chunksEmbedded: number;
      errors: {
        file: string;
        message: string;
      }[];
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      finishedAt: string | null;
    };
    IngestionStarted: {
      run: components['schemas']['IngestionRun'];
      documents: {
        /** Format: uuid */
        id: string;
        title: string;
        /**
         * @description `unsupported_until_stt`: audio/video kept until speech-to-text is available.
         * @enum {string}
         */
        status: 'queued' | 'processing' | 'ready' | 'failed' | 'unsupported_until_stt';
        /** @description The owner already had this exact content: the existing document is returned. */
        duplicate: boolean;
      }[];
    };
    SearchResult: {
      /** Format: uuid */
      chunkId: string;
      /** Format: uuid */
      documentId: string;
      documentTitle: string;
      ordinal: number;
      page: number | null;
      sheet: string | null;
      headingPath: string[];
      score: number;
      denseRank: number | null;
      lexicalRank: number | null;
      text: string;
      snippet: string;
      /** @description [start, end) ranges of query words in `snippet`. */
      highlights: [number, number][];
    };
    SearchResponse: {
      results: components['schemas']['SearchResult'][];
    };
    Group: {
      /** Format: uuid */
      id: string;
      name: string;
      description: string;
      memberCount: number;
      /** @description Your role in the group; null when you are not a member. */
      myRole: ('member' | 'admin') | null;
      /**
       * @description `sso`: created and kept in sync from the SSO groups header (`SSO_GROUP_SYNC`); its memberships cannot be changed through the API (409 `GROUP_MANAGED_BY_SSO`).
       * @enum {string}
       */
      source: 'platform' | 'sso';
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    GroupMember: {
      /** Format: uuid */
      userId: string;
      username: string;
      displayName: string;
      /**
       * @description `admin`: manages the group and its members; `member`: reads what is shared into it.
       * @enum {string}
       */
      role: 'member' | 'admin';
      /** Format: date-time */
      joinedAt: string;
    };
    UserLookup: {
      /** Format: uuid */
      id: string;
      username: string;
      displayName: string;
    };
    McpBridgeSearchResult: {
      /** Format: uuid */
      chunkId: string;
      /** Format: uuid */
      documentId: string;
      documentTitle: string;
      ordinal: number;
      page: number | null;
      sheet: string | null;
      headingPath: string[];
      score: number;
      text: string;
      snippet: string;
    };
    McpBridgeSearchResponse: {
      results: components['schemas']['McpBridgeSearchResult'][];
    };
    McpBridgeChunk: {
      /** Format: uuid */
      chunkId: string;
      ordinal: number;
      page: number | null;
      sheet: string | null;
      headingPath: string[];
      text: string;
    };
    McpBridgeChunkContext: {
      document: {
        /** Format: uuid */
        id: string;
        title: string;
      };
      /** @description In ordinal order; the requested chunk is among them. */
      chunks: components['schemas']['McpBridgeChunk'][];
    };
    McpBridgeDocument: {
      /** Format: uuid */
      id: string;
      title: string;
      /**
       * @description `unsupported_until_stt`: audio/video kept until speech-to-text is available.
       * @enum {string}
       */
      status: 'queued' | 'processing' | 'ready' | 'failed' | 'unsupported_until_stt';
      /** @enum {string} */
      sourceType: 'upload' | 'url' | 'path';
      mimeType: string | null;
      pageCount: number | null;
      chunkCount: number;
      tags: string[];
      /** Format: date-time */
      createdAt: string;
    };
    McpBridgeDocuments: {
      /** @description Newest first. */
      documents: components['schemas']['McpBridgeDocument'][];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
};
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
