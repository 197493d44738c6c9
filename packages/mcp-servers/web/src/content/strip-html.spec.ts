import { describe, expect, it } from 'vitest';
import { stripNonContent } from './strip-html.ts';

describe('stripNonContent', () => {
  it('removes scripts, styles, svg and comments case-insensitively, keeping the rest', () => {
    expect(
      stripNonContent(
        '<p>a</p><SCRIPT type="x">if (a < b) {}</script ><style>p{}</style><!-- note --><svg><path/></SVG><p>b</p>',
      ),
    ).toBe('<p>a</p><p>b</p>');
    expect(stripNonContent('<scripts>kept</scripts>')).toBe('<scripts>kept</scripts>');
  });

  it('drops the rest of the document after an unclosed element, in linear time', () => {
    expect(stripNonContent('<p>a</p><script>never closed <p>b</p>')).toBe('<p>a</p>');
    const hostile = '<script>'.repeat(200_000);
    const started = Date.now();
    expect(stripNonContent(`<p>x</p>${hostile}`)).toBe('<p>x</p>');
    expect(stripNonContent('<!--'.repeat(200_000))).toBe('');
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
