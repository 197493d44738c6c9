import type { DocumentRecord, IngestionRunRecord } from '@youworker/db';
import {
  CallerTokenError,
  verifyCallerToken,
  type CallerClaims,
  type CallerTokenErrorCode,
} from '@youworker/mcp-common';
import type { ChunkHit, SearchMode, VectorStore } from '@youworker/vector';
import type { AccessService } from '../access/access-scope.ts';
import type { DocumentService } from '../documents/document.service.ts';
import type { IngestionRunStarted, IngestionService } from '../documents/ingestion.service.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { UnauthenticatedError } from '../errors/unauthenticated-error.ts';
import { ValidationError } from '../errors/validation-error.ts';
import { YouWorkerError } from '../errors/youworker-error.ts';
import type { UserActor, UserRole } from '../identity/actor.ts';
import type { SearchResult, SearchService } from '../search/search.service.ts';

/** The MCP servers that may call the bridge: each token names one, and each operation accepts one. */
export type McpBridgeAudience = 'semantic' | 'ingest';

/** Bounds of the bridge operations (the schemas enforce them too). */
export const MCP_BRIDGE_LIMITS = { maxResults: 20, maxWindow: 5, maxDocuments: 50 } as const;

/** The user fields the bridge needs to build an actor. */
export interface McpBridgeUser {
  id: string;
  username: string;
  role: UserRole;
  status: 'active' | 'disabled';
}

/** A verified caller: the live user behind the token, and the platform request it belongs to. */
export interface McpCaller {
  actor: UserActor;
  /** The platform request (chat turn) that made the tool call, for correlation. */
  requestId: string;
  audience: McpBridgeAudience;
}

export interface McpBridgeSearchQuery {
  query: string;
  k: number;
  mode?: SearchMode;
  filters?: { tags?: readonly string[]; documentIds?: readonly string[]; groupId?: string };
}

/** A chunk with its neighbours, and the document they belong to. */
export interface ChunkContext {
  document: DocumentRecord;
  chunks: ChunkHit[];
}

export interface McpBridgeDeps {
  search: Pick<SearchService, 'searchInScope'>;
  access: Pick<AccessService, 'scopeFor'>;
  documents: Pick<DocumentService, 'list' | 'get'>;
  ingestion: Pick<IngestionService, 'ingestUrl' | 'ingestPath' | 'getRun'>;
  store: Pick<VectorStore, 'getChunks'>;
  /** Loads a user by id; throws a not-found error when there is none. */
  users: { get(id: string): Promise<McpBridgeUser> };
  /** The platform's caller-token secret (at least 32 bytes), shared with the MCP servers. */
  secret: string | Buffer;
}

const tokenFailures: Record<CallerTokenErrorCode, { code: string; message: string }> = {
  TOKEN_MISSING: { code: 'CALLER_TOKEN_MISSING', message: 'The call carries no caller token' },
  TOKEN_INVALID: { code: 'CALLER_TOKEN_INVALID', message: 'The caller token is not valid' },
  TOKEN_EXPIRED: { code: 'CALLER_TOKEN_EXPIRED', message: 'The caller token has expired' },
  TOKEN_AUDIENCE: {
    code: 'CALLER_TOKEN_AUDIENCE',
    message: 'The caller token was issued for another MCP server',
  },
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function callerUserInvalid(): UnauthenticatedError {
  return new UnauthenticatedError({
    code: 'CALLER_USER_INVALID',
    message: 'The caller token names no active user',
  });
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(Math.trunc(value), min), max);
}

/**
 * What the `semantic` and `ingest` MCP servers may do for a user, and nothing more. Each operation
 * takes the caller token the server received with the tool call, verifies it for that server's
 * audience, loads the live user (a disabled or deleted user is refused) and acts as that user
 * through the same services and access scope as the REST API.
 */
export class McpBridgeService {
  constructor(private readonly deps: McpBridgeDeps) {
    const length = typeof deps.secret === 'string' ? Buffer.byteLength(deps.secret) : deps.secret.length;
    if (length < 32) {
      throw new RangeError('The MCP caller token secret must be at least 32 bytes');
    }
  }

  /**
   * Verifies `token` for `audience` and returns the caller. Throws {@link UnauthenticatedError}:
   * `CALLER_TOKEN_MISSING`, `CALLER_TOKEN_INVALID`, `CALLER_TOKEN_EXPIRED`, `CALLER_TOKEN_AUDIENCE`
   * or `CALLER_USER_INVALID` (unknown or disabled user).
   */
  async authenticate(token: string | undefined, audience: McpBridgeAudience): Promise<McpCaller> {
    const claims = this.verify(token, audience);
    const user = uuidPattern.test(claims.sub) ? await this.findUser(claims.sub) : undefined;
    if (user?.status !== 'active') {
      throw callerUserInvalid();
    }
    return {
      // `api-key`: a machine credential acting for the user (no cookie, so no CSRF check applies).
      actor: { kind: 'user', userId: user.id, username: user.username, role: user.role, via: 'api-key' },
      requestId: claims.rid,
      audience,
    };
  }

  /** Hybrid search over the documents the caller may see (`semantic`). */
  async search(token: string | undefined, query: McpBridgeSearchQuery): Promise<SearchResult[]> {
    const { actor } = await this.authenticate(token, 'semantic');
    const scope = await this.deps.access.scopeFor(actor);
    const filters = query.filters ?? {};
    return this.deps.search.searchInScope(scope, {
      query: query.query,
      k: clamp(query.k, 1, MCP_BRIDGE_LIMITS.maxResults),
      ...(query.mode ? { mode: query.mode } : {}),
      filters: {
        ...(filters.tags?.length ? { tags: filters.tags } : {}),
        ...(filters.documentIds?.length ? { documentIds: filters.documentIds } : {}),
        ...(filters.groupId ? { groupId: filters.groupId } : {}),
      },
    });
  }

  /**
   * The chunk at `ordinal` of a document the caller may see, with up to `window` (0–5) chunks on
   * each side (`semantic`). A document the caller may not see answers like a missing one.
   */
  async chunkContext(
    token: string | undefined,
    request: { documentId: string; ordinal: number; window: number },
  ): Promise<ChunkContext> {
    const { actor } = await this.authenticate(token, 'semantic');
    if (!Number.isInteger(request.ordinal) || request.ordinal < 0) {
      throw new ValidationError({ code: 'ORDINAL_INVALID', message: 'The ordinal must be an integer ≥ 0' });
    }
    const { document } = await this.deps.documents.get(actor, request.documentId, { chunks: 0 });
    const window = clamp(request.window, 0, MCP_BRIDGE_LIMITS.maxWindow);
    const scope = await this.deps.access.scopeFor(actor);
    const chunks = await this.deps.store.getChunks(
      document.id,
      Math.max(0, request.ordinal - window),
      request.ordinal + window,
      scope,
    );
    if (!chunks.some((chunk) => chunk.ordinal === request.ordinal)) {
      throw new NotFoundError({
        code: 'CHUNK_NOT_FOUND',
        message: `The document has no chunk ${request.ordinal}`,
      });
    }
    return { document, chunks };
  }

  /** The caller's visible documents, newest first, at most 50 (`semantic`). */
  async listDocuments(
    token: string | undefined,
    options: { search?: string; tags?: readonly string[]; limit: number },
  ): Promise<DocumentRecord[]> {
    const { actor } = await this.authenticate(token, 'semantic');
    return this.deps.documents.list(actor, {
      ...(options.search ? { search: options.search } : {}),
      ...(options.tags?.length ? { tags: options.tags } : {}),
      limit: clamp(options.limit, 1, MCP_BRIDGE_LIMITS.maxDocuments),
    });
  }

  /** Queues a URL for ingestion as the caller (`ingest`); the fetch applies the SSRF policy. */
  async ingestUrl(
    token: string | undefined,
    url: string,
    options: { tags: string[] },
  ): Promise<IngestionRunStarted> {
    const { actor } = await this.authenticate(token, 'ingest');
    return this.deps.ingestion.ingestUrl(actor, url, options);
  }

  /** Queues a server path (under `INGEST_ALLOWED_ROOTS`) for ingestion as the caller (`ingest`). */
  async ingestPath(
    token: string | undefined,
    path: string,
    options: { recursive: boolean; tags: string[] },
  ): Promise<IngestionRunStarted> {
    const { actor } = await this.authenticate(token, 'ingest');
    return this.deps.ingestion.ingestPath(actor, path, options);
  }

  /** One of the caller's ingestion runs (`ingest`); another user's run answers like a missing one. */
  async runStatus(token: string | undefined, runId: string): Promise<IngestionRunRecord> {
    const { actor } = await this.authenticate(token, 'ingest');
    return this.deps.ingestion.getRun(actor, runId);
  }

  private verify(token: string | undefined, audience: McpBridgeAudience): CallerClaims {
    try {
      return verifyCallerToken(token, this.deps.secret, { audience });
    } catch (caught) {
      if (CallerTokenError.isInstance(caught)) {
        throw new UnauthenticatedError(tokenFailures[caught.code]);
      }
      throw caught;
    }
  }

  private async findUser(id: string): Promise<McpBridgeUser | undefined> {
    try {
      return await this.deps.users.get(id);
    } catch (caught) {
      if (YouWorkerError.isInstance(caught) && caught.kind === 'not-found') {
        return undefined;
      }
      throw caught;
    }
  }
}
