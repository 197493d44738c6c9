import { describe, expect, it } from 'vitest';
import { embeddingPrompt, isEmbeddingGemma } from './embedding-prompts.ts';

describe(embeddingPrompt.name, () => {
  it('should prefix the EmbeddingGemma task prompts by purpose', () => {
    expect(embeddingPrompt('embeddinggemma:300m', 'How do I reset it?', 'query')).toBe(
      'task: search result | query: How do I reset it?',
    );
    expect(embeddingPrompt('embeddinggemma', 'Hold the button.', 'document')).toBe(
      'title: none | text: Hold the button.',
    );
  });

  it('should recognise EmbeddingGemma builds by name and leave other models alone', () => {
    expect(isEmbeddingGemma('hf.co/unsloth/EmbeddingGemma-300m-GGUF:Q8_0')).toBe(true);
    expect(embeddingPrompt('nomic-embed-text', 'x', 'query')).toBe('x');
  });
});
