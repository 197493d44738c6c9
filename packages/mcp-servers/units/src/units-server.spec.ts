import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createUnitsServer } from './units-server.ts';

let client: Client | undefined;

async function connect(): Promise<Client> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await createUnitsServer().connect(serverSide);
  client = new Client({ name: 'test', version: '0.0.0' });
  await client.connect(clientSide);
  return client;
}

function text(result: Awaited<ReturnType<Client['callTool']>>): string {
  const first = (result.content as { type: string; text?: string }[])[0];
  return first?.text ?? '';
}

afterEach(async () => {
  await client?.close();
  client = undefined;
});

describe('units MCP server (in-memory round trip)', () => {
  it('lists the tools with schemas and read-only, closed-world annotations', async () => {
    const { tools } = await (await connect()).listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(['convert', 'list_units', 'parse_and_convert']);
    for (const tool of tools) {
      expect(tool.annotations).toMatchObject({ readOnlyHint: true, openWorldHint: false });
      expect(tool.inputSchema.type).toBe('object');
    }
    const convertTool = tools.find((tool) => tool.name === 'convert');
    expect(convertTool?.inputSchema.required).toEqual(['value', 'from', 'to']);
  });

  it('convert returns structured content and rounded text', async () => {
    const result = await (
      await connect()
    ).callTool({ name: 'convert', arguments: { value: 100, from: 'celsius', to: '°F' } });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({
      unit: '°F',
      input: { value: 100, unit: '°C' },
      dimension: 'temperature',
    });
    expect((result.structuredContent as { value: number }).value).toBeCloseTo(212, 10);
    expect(text(result)).toBe('100 °C = 212 °F');
  });

  it('convert treats temperatures as differences on request', async () => {
    const result = await (
      await connect()
    ).callTool({ name: 'convert', arguments: { value: 10, from: '°C', to: '°F', difference: true } });
    expect(result.structuredContent).toMatchObject({ unit: 'Δ°F', dimension: 'temperature_difference' });
    expect(text(result)).toBe('10 Δ°C = 18 Δ°F');
  });

  it('parse_and_convert and list_units work end to end', async () => {
    const c = await connect();
    const parsed = await c.callTool({ name: 'parse_and_convert', arguments: { text: '1 GiB to B' } });
    expect(parsed.structuredContent).toMatchObject({ value: 1073741824, unit: 'B', dimension: 'data_size' });
    const listed = await c.callTool({ name: 'list_units', arguments: { dimension: 'pressure' } });
    expect(listed.structuredContent).toMatchObject({ dimensions: [{ dimension: 'pressure' }] });
  });

  it('returns isError results for incompatible dimensions and currencies', async () => {
    const c = await connect();
    const mixed = await c.callTool({ name: 'convert', arguments: { value: 1, from: 'kg', to: 'm' } });
    expect(mixed.isError).toBe(true);
    expect(text(mixed)).toMatch(/mass \(kg\) to length \(m\)/);
    const money = await c.callTool({ name: 'parse_and_convert', arguments: { text: '10 usd to eur' } });
    expect(money.isError).toBe(true);
    expect(text(money)).toBe('currency conversion is not supported (rates change; no network)');
  });

  // SDK 1.32 turns schema violations and unknown tools into `isError: true` results, not JSON-RPC errors.
  it('reports schema violations and unknown tools as isError results', async () => {
    const c = await connect();
    const malformed = await c.callTool({ name: 'convert', arguments: { value: 'ten', from: '', to: 'm' } });
    expect(malformed.isError).toBe(true);
    expect(text(malformed)).toMatch(/Input validation error/);
    const badDimension = await c.callTool({ name: 'list_units', arguments: { dimension: 'currency' } });
    expect(badDimension.isError).toBe(true);
    const unknown = await c.callTool({ name: 'no_such_tool', arguments: {} });
    expect(unknown.isError).toBe(true);
    expect(text(unknown)).toMatch(/not found/);
  });
});

describe('units MCP server (stdio entry)', () => {
  it('serves the tools from a real child process', async () => {
    const entry = fileURLToPath(new URL('./stdio.ts', import.meta.url));
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: ['--import', 'tsx', entry],
      cwd: fileURLToPath(new URL('../../../..', import.meta.url)),
      stderr: 'pipe',
    });
    client = new Client({ name: 'stdio-test', version: '0.0.0' });
    await client.connect(transport);
    const result = await client.callTool({ name: 'convert', arguments: { value: 1, from: 'mi', to: 'm' } });
    expect(result.structuredContent).toMatchObject({ value: 1609.344, unit: 'm' });
  }, 20_000);
});
