export {
  CONTRACT_MODEL,
  describeVectorStoreContract,
  type ContractDocument,
  type ContractDocumentInput,
  type VectorStoreContractFixture,
} from './vector-store-contract.ts';
export { CONTRACT_DIMENSION, chunkIdFor, direction, makeChunk, normalize } from './synthetic.ts';
export { startFakeQdrant, type FakeQdrant, type RecordedRequest } from './fake-qdrant-server.ts';
export {
  createSyntheticCorpus,
  gaussian,
  seededRandom,
  type SyntheticCorpus,
  type SyntheticCorpusOptions,
} from './synthetic-corpus.ts';
