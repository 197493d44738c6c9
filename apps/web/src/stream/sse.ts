/**
 * An incremental Server-Sent Events reader: feed it text as it arrives (any split, even inside a
 * line) and it returns the `data` of each complete event. Comment frames (`: heartbeat`) are skipped;
 * multi-line `data:` fields are joined with `\n` as the SSE specification says.
 */
export class SseReader {
  private buffer = '';
  private data: string[] = [];

  /** Adds received text; returns the data of every event it completed. */
  push(text: string): string[] {
    this.buffer += text;
    const events: string[] = [];
    let newline = this.nextLineEnd();
    while (newline !== -1) {
      const line = this.buffer.slice(0, newline).replace(/\r$/, '');
      this.buffer = this.buffer.slice(newline + 1);
      this.takeLine(line, events);
      newline = this.nextLineEnd();
    }
    return events;
  }

  /** Ends the stream: an event without its final blank line still counts. */
  end(): string[] {
    const events: string[] = [];
    if (this.buffer !== '') {
      this.takeLine(this.buffer.replace(/\r$/, ''), events);
      this.buffer = '';
    }
    this.takeLine('', events);
    return events;
  }

  private nextLineEnd(): number {
    return this.buffer.indexOf('\n');
  }

  private takeLine(line: string, events: string[]): void {
    if (line === '') {
      if (this.data.length > 0) {
        events.push(this.data.join('\n'));
        this.data = [];
      }
      return;
    }
    if (line.startsWith(':')) {
      return;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') {
      this.data.push(value);
    }
  }
}
