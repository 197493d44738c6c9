const fence = /^\s{0,3}(```|~~~)/;

/**
 * Splits markdown at blank lines outside code fences. While an answer streams, each finished block
 * is rendered once (memoised) and only the last, growing block is parsed again per frame, so the cost
 * per frame stays flat however long the answer gets. Joining the blocks with blank lines gives the text.
 */
export function splitMarkdownBlocks(text: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  let inFence = false;
  for (const line of text.split('\n')) {
    if (fence.test(line)) {
      inFence = !inFence;
    }
    if (!inFence && line.trim() === '' && current.length > 0) {
      blocks.push(current.join('\n'));
      current = [];
      continue;
    }
    if (line.trim() !== '' || current.length > 0) {
      current.push(line);
    }
  }
  if (current.length > 0) {
    blocks.push(current.join('\n'));
  }
  return blocks;
}
