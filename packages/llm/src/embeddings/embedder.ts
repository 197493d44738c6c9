/** What a text is embedded for: some models (embeddinggemma, e5…) use different prompts for each. */
export type EmbeddingPurpose = 'query' | 'document';

export interface EmbedOptions {
  purpose?: EmbeddingPurpose;
  signal?: AbortSignal;
}

/**
 * Turns texts into vectors. `model` names the model precisely enough that vectors from two
 * embedders with the same `model` can share one index (e.g. `local:use-lite`, `ollama:embeddinggemma:300m`).
 */
export interface Embedder {
  readonly model: string;
  /** The vector dimension; may call the model once to learn it. */
  dimension(signal?: AbortSignal): Promise<number>;
  /** One vector per text, in order, L2-normalised. */
  embed(texts: readonly string[], options?: EmbedOptions): Promise<number[][]>;
}
