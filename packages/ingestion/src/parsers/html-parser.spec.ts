import { describe, expect, it } from 'vitest';
import { parseDocument } from './parse-document.ts';

const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));

const article = `<!doctype html><html><head><title>Duck care | Farm blog</title></head><body>
<header><a href="/">Farm blog</a></header>
<nav><ul><li><a href="/a">Home</a></li><li><a href="/b">Archive</a></li></ul></nav>
<main><article>
<h1>Duck care</h1>
${Array.from({ length: 4 }, (_, index) => `<p>Paragraph ${index + 1}: ducks need clean water, shelter from predators and a varied diet of grain, greens and insects, so check their pond and feeders every single morning before work.</p>`).join('\n')}
<h2>Feeding</h2>
<table><tr><th>Food</th><th>Share</th></tr><tr><td>Grain</td><td>60%</td></tr></table>
<pre><code class="language-sh">feed --ducks 12</code></pre>
</article></main>
<aside>Buy our duck food!</aside>
<footer>© 2024 Farm blog. All rights reserved.</footer>
</body></html>`;

describe('parseHtml', () => {
  it('keeps the article and drops navigation, asides and footers', async () => {
    const document = await parseDocument(utf8(article), { filename: 'page.bin' });
    const text = document.blocks.map((block) => block.text).join('\n');
    expect(document.mimeType).toBe('text/html');
    expect(document.title).toBe('Duck care | Farm blog');
    expect(text).toContain('Paragraph 4: ducks need clean water');
    expect(text).not.toMatch(/Archive|Buy our duck food|All rights reserved/);
    expect(document.blocks).toContainEqual({ kind: 'heading', text: 'Duck care', level: 1 });
    expect(document.blocks).toContainEqual({
      kind: 'table',
      text: '| Food | Share |\n| --- | --- |\n| Grain | 60% |',
    });
    expect(document.blocks).toContainEqual({ kind: 'code', text: '```sh\nfeed --ducks 12\n```' });
  });

  it('falls back to the whole body of a short page, still without its nav and footer', async () => {
    const page = `<html><body><nav>Menu</nav><h2>Prices</h2><p>Eggs cost <b>3 euros</b>, see <a href="https://farm.example/eggs">the list</a>.</p>
      <ul><li>Brown<ul><li>Large</li></ul></li><li>White</li></ul><dl><dt>Duck</dt><dd>Bird</dd></dl><footer>Contact</footer></body></html>`;
    const document = await parseDocument(utf8(page));
    expect(document.blocks).toEqual([
      { kind: 'heading', text: 'Prices', level: 2 },
      { kind: 'paragraph', text: 'Eggs cost **3 euros**, see [the list](https://farm.example/eggs).' },
      { kind: 'list', text: '- Brown\n    - Large\n- White' },
      { kind: 'list', text: '- **Duck**\n    - Bird' },
    ]);
  });

  it('repeats the text of spanned cells so every row reads alone', async () => {
    const page = `<table><tr><th>Year</th><th>Month</th></tr><tr><td rowspan="2">2025</td><td>Jan</td></tr><tr><td>Feb</td></tr></table>`;
    const document = await parseDocument(utf8(page));
    expect(document.blocks).toEqual([
      { kind: 'table', text: '| Year | Month |\n| --- | --- |\n| 2025 | Jan |\n| 2025 | Feb |' },
    ]);
  });

  it('fails with EMPTY_DOCUMENT when the page has no text', async () => {
    await expect(parseDocument(utf8('<html><body><script>x()</script></body></html>'))).rejects.toMatchObject(
      {
        code: 'EMPTY_DOCUMENT',
      },
    );
  });
});
