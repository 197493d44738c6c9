export {
  createSemanticServer,
  SEMANTIC_AUDIENCE,
  SEMANTIC_HTTP_PORT,
  type SemanticServerOptions,
} from './semantic-server.ts';
export { citationOf } from './citations.ts';
