import { type ServerResponse } from 'node:http';

/** JSON-RPC error codes used by the HTTP layer (the SDK's `-32000` family for transport errors). */
export const JSON_RPC_TRANSPORT_ERROR = -32000;
export const JSON_RPC_SESSION_NOT_FOUND = -32001;
export const JSON_RPC_PARSE_ERROR = -32700;
export const JSON_RPC_INTERNAL_ERROR = -32603;

/** Answers `status` with a JSON body, unless the response has already started. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/** Answers with a JSON-RPC error envelope (`id: null`), as the MCP SDK does for transport errors. */
export function sendJsonRpcError(
  response: ServerResponse,
  status: number,
  code: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(response, status, { jsonrpc: '2.0', error: { code, message }, id: null }, headers);
}
