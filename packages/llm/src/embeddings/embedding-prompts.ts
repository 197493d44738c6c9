import type { EmbeddingPurpose } from './embedder.ts';

/** Whether `model` is an EmbeddingGemma build (e.g. `embeddinggemma:300m`, `hf.co/…/embeddinggemma-300m-GGUF`). */
export function isEmbeddingGemma(model: string): boolean {
  return model.toLowerCase().includes('embeddinggemma');
}

/**
 * The text as `model` wants it for `purpose`. EmbeddingGemma was trained with task prompts:
 * queries as `task: search result | query: …`, documents as `title: none | text: …`. Other
 * models get the text unchanged.
 */
export function embeddingPrompt(model: string, text: string, purpose: EmbeddingPurpose): string {
  if (!isEmbeddingGemma(model)) {
    return text;
  }
  return purpose === 'query' ? `task: search result | query: ${text}` : `title: none | text: ${text}`;
}
