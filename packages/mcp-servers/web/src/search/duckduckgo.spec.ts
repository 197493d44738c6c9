import { describe, expect, it } from 'vitest';
import { duckDuckGoFixture } from '../testing/duckduckgo-fixture.ts';
import { decodeDuckDuckGoLink, duckDuckGoSearchUrl, parseDuckDuckGoHtml } from './duckduckgo.ts';

describe('DuckDuckGo HTML', () => {
  it('decodes uddg redirect links, keeps direct links, rejects ads and other schemes', () => {
    expect(
      decodeDuckDuckGoLink('//duckduckgo.com/l/?uddg=https%3A%2F%2Fexample.org%2Fx%3Fq%3D1&rut=abc'),
    ).toBe('https://example.org/x?q=1');
    expect(decodeDuckDuckGoLink('https://duckduckgo.com/l/?uddg=https%3A%2F%2Fa.example%2F')).toBe(
      'https://a.example/',
    );
    expect(decodeDuckDuckGoLink('https://docs.example.net/mcp')).toBe('https://docs.example.net/mcp');
    expect(decodeDuckDuckGoLink('https://duckduckgo.com/y.js?ad_domain=x')).toBeUndefined();
    expect(decodeDuckDuckGoLink('//duckduckgo.com/l/?uddg=javascript%3Aalert(1)')).toBeUndefined();
    expect(decodeDuckDuckGoLink('//duckduckgo.com/l/?rut=only')).toBeUndefined();
  });

  it('parses organic results with titles and snippets, skipping ads and duplicates', () => {
    expect(parseDuckDuckGoHtml(duckDuckGoFixture, 10)).toEqual([
      {
        title: 'Self-hosted AI agents: a guide',
        url: 'https://example.org/agents?a=1&b=%C3%A9',
        snippet: 'Run agents on your own hardware & keep data on-premise.',
      },
      { title: 'MCP docs', url: 'https://docs.example.net/mcp', snippet: '' },
      { title: 'Third', url: 'http://third.example/', snippet: 'Third snippet' },
    ]);
    expect(parseDuckDuckGoHtml(duckDuckGoFixture, 2)).toHaveLength(2);
    expect(
      parseDuckDuckGoHtml('<html><body><div class="no-results">No results.</div></body></html>', 5),
    ).toEqual([]);
  });

  it('builds the query URL', () => {
    expect(duckDuckGoSearchUrl('https://html.duckduckgo.com/html/', 'a b&c')).toBe(
      'https://html.duckduckgo.com/html/?q=a+b%26c',
    );
  });
});
