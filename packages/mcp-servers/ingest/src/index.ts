export {
  createIngestServer,
  INGEST_AUDIENCE,
  INGEST_HTTP_PORT,
  type IngestServerOptions,
} from './ingest-server.ts';
