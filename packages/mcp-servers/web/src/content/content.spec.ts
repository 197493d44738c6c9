import { describe, expect, it } from 'vitest';
import { contentKind } from './content-kind.ts';
import { decodeText } from './decode-text.ts';
import { readArticle, readPage } from './html-to-markdown.ts';
import { MAX_MARKUP_CHARS } from './page-document.ts';

describe('contentKind', () => {
  it.each([
    ['text/html', 'html'],
    ['application/xhtml+xml', 'html'],
    ['text/plain', 'text'],
    ['text/markdown', 'text'],
    ['application/json', 'text'],
    ['application/ld+json', 'text'],
    ['application/rss+xml', 'text'],
    ['application/pdf', 'unsupported'],
    ['image/png', 'unsupported'],
    ['application/octet-stream', 'unsupported'],
  ] as const)('%s is %s', (type, kind) => {
    expect(contentKind(type, Buffer.from('x'))).toBe(kind);
  });

  it('sniffs a missing type', () => {
    expect(contentKind('', Buffer.from('  <!DOCTYPE html><html>'))).toBe('html');
    expect(contentKind('', Buffer.from('just words'))).toBe('text');
    expect(contentKind('', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00]))).toBe('unsupported');
  });
});

describe('decodeText', () => {
  it('honours the header charset, then <meta charset>, then UTF-8, and a BOM above all', () => {
    const latin1 = Buffer.from('caf\u00e9', 'latin1');
    expect(decodeText(latin1, 'text/plain; charset=ISO-8859-1', false)).toBe('café');
    const page = Buffer.concat([Buffer.from('<meta charset="windows-1252"><p>'), latin1]);
    expect(decodeText(page, 'text/html', true)).toContain('café');
    expect(decodeText(Buffer.from('café'), 'text/plain; charset=bogus', false)).toBe('café');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('ok')]);
    expect(decodeText(bom, 'text/plain; charset=iso-8859-1', false)).toBe('ok');
  });
});

describe('readPage', () => {
  it('converts a non-article page whole, resolving <base href> and dropping script targets', () => {
    const page = readPage(
      '<html><head><title> Menu </title><base href="https://cdn.example/docs/"></head><body>' +
        '<ul><li><a href="intro">Intro</a></li><li><a href="javascript:alert(1)">Bad</a></li></ul>' +
        '<img src="data:image/png;base64,AAAA"><script>secret()</script></body></html>',
      'https://example.org/start',
      10,
    );
    expect(page.title).toBe('Menu');
    expect(page.markdown).toBe('-   [Intro](https://cdn.example/docs/intro)\n-   Bad');
    expect(page.links).toEqual([{ text: 'Intro', url: 'https://cdn.example/docs/intro' }]);
  });

  it('caps links and skips self links and duplicates', () => {
    const anchors = ['/a', '/a#x', '/start', '/b', '/c']
      .map((href) => `<a href="${href}">${href}</a>`)
      .join('');
    const page = readPage(`<p>${anchors}</p>`, 'https://example.org/start', 2);
    expect(page.links.map((link) => link.url)).toEqual(['https://example.org/a', 'https://example.org/b']);
  });

  it('cuts markup beyond MAX_MARKUP_CHARS after removing scripts, and says so', () => {
    const script = `<script>${'x'.repeat(MAX_MARKUP_CHARS)}</script>`;
    expect(readPage(`<p>short</p>${script}`, 'https://example.org/', 10).truncated).toBe(false);
    const long = readPage(`<p>${'word '.repeat(MAX_MARKUP_CHARS / 5)}</p>`, 'https://example.org/', 10);
    expect(long.truncated).toBe(true);
    expect(long.markdown.length).toBeLessThan(MAX_MARKUP_CHARS);
  });

  it('finds no article on an empty page', () => {
    expect(readArticle('<html><body></body></html>', 'https://example.org/')).toBeUndefined();
  });
});
