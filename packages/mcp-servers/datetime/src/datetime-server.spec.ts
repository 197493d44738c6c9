import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatetimeServer } from './datetime-server.ts';

const fixedClock = (): Date => new Date('2026-03-29T01:30:00Z');
let client: Client | undefined;

async function connect(): Promise<Client> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await createDatetimeServer({ clock: fixedClock }).connect(serverSide);
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

describe('datetime MCP server (in-memory round trip)', () => {
  it('lists the seven tools with input schemas and read-only, closed-world annotations', async () => {
    const { tools } = await (await connect()).listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([
      'add',
      'business_days',
      'convert_timezone',
      'diff',
      'format',
      'now',
      'parse_natural',
    ]);
    for (const tool of tools) {
      expect(tool.annotations).toMatchObject({ readOnlyHint: true, openWorldHint: false });
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.description).toBeTruthy();
    }
    const convert = tools.find((tool) => tool.name === 'convert_timezone');
    expect(convert?.inputSchema.required).toEqual(['datetime', 'to_timezone']);
  });

  it('now returns structured content in the requested zone', async () => {
    const result = await (await connect()).callTool({ name: 'now', arguments: { timezone: 'Europe/Rome' } });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual({
      datetime: '2026-03-29T03:30:00+02:00',
      timezone: 'Europe/Rome',
      utc_offset: '+02:00',
      utc: '2026-03-29T01:30:00.000Z',
      weekday: 'Sunday',
      unix_seconds: 1774747800,
    });
    expect(text(result)).toContain('2026-03-29T03:30:00+02:00');
  });

  it('convert_timezone reads a naive time in from_timezone', async () => {
    const result = await (
      await connect()
    ).callTool({
      name: 'convert_timezone',
      arguments: {
        datetime: '2026-06-01T09:00:00',
        from_timezone: 'Europe/Rome',
        to_timezone: 'Asia/Kolkata',
      },
    });
    expect(result.structuredContent).toMatchObject({
      datetime: '2026-06-01T12:30:00+05:30',
      utc_offset: '+05:30',
    });
  });

  it('add and format work end to end', async () => {
    const c = await connect();
    const added = await c.callTool({
      name: 'add',
      arguments: { datetime: '2028-02-29T12:00:00Z', years: 1 },
    });
    expect(added.structuredContent).toMatchObject({ datetime: '2029-02-28T12:00:00+00:00' });
    const formatted = await c.callTool({
      name: 'format',
      arguments: {
        datetime: '2026-12-25T18:00:00Z',
        timezone: 'Europe/Rome',
        locale: 'it-IT',
        style: 'full',
      },
    });
    expect(formatted.structuredContent).toMatchObject({ locale: 'it-IT', timezone: 'Europe/Rome' });
    expect(text(formatted)).toMatch(/venerdì 25 dicembre 2026/);
  });

  it('returns isError results for an unknown zone, an impossible date and a bad locale', async () => {
    const c = await connect();
    const zone = await c.callTool({ name: 'now', arguments: { timezone: 'Mars/Olympus' } });
    expect(zone.isError).toBe(true);
    expect(text(zone)).toMatch(/Unknown time zone "Mars\/Olympus"/);
    const date = await c.callTool({ name: 'add', arguments: { datetime: '2027-02-29', days: 1 } });
    expect(date.isError).toBe(true);
    expect(text(date)).toMatch(/28 days/);
    const locale = await c.callTool({
      name: 'format',
      arguments: { datetime: '2026-01-01', locale: 'not a locale!', style: 'short' },
    });
    expect(locale.isError).toBe(true);
  });

  it('parse_natural reads relative text against the given now and zone, and refuses gibberish', async () => {
    const c = await connect();
    const parsed = await c.callTool({
      name: 'parse_natural',
      arguments: { text: 'tomorrow at 5pm', now: '2026-03-28T10:00:00', timezone: 'Europe/Paris' },
    });
    expect(parsed.isError).toBeFalsy();
    expect(parsed.structuredContent).toMatchObject({
      datetime: '2026-03-29T17:00:00+02:00',
      utc: '2026-03-29T15:00:00.000Z',
      matched_text: 'tomorrow at 5pm',
      anchor: 'calendar',
      now: '2026-03-28T10:00:00+01:00',
    });
    expect(text(parsed)).toContain('"tomorrow at 5pm" read as 2026-03-29T17:00:00+02:00 in Europe/Paris');
    const defaultNow = await c.callTool({ name: 'parse_natural', arguments: { text: 'in 90 minutes' } });
    expect(defaultNow.structuredContent).toMatchObject({
      utc: '2026-03-29T03:00:00.000Z',
      anchor: 'elapsed',
    });
    const nothing = await c.callTool({ name: 'parse_natural', arguments: { text: 'the colour blue' } });
    expect(nothing.isError).toBe(true);
    expect(text(nothing)).toMatch(/No date or time recognised/);
  });

  it('diff returns exact totals and a calendar breakdown', async () => {
    const result = await (
      await connect()
    ).callTool({
      name: 'diff',
      arguments: { start: '2026-03-28T12:00:00', end: '2026-03-29T12:00:00', timezone: 'Europe/Paris' },
    });
    expect(result.structuredContent).toMatchObject({
      sign: 1,
      totals: { hours: 23 },
      calendar: { days: 1, hours: 0 },
      human: '1 day',
      direction: 'end is later',
    });
  });

  it('business_days counts and adds in one call, and asks for end or days', async () => {
    const c = await connect();
    const result = await c.callTool({
      name: 'business_days',
      arguments: { start: '2026-12-21', end: '2027-01-01', days: 5, holidays: ['2026-12-25', '2027-01-01'] },
    });
    expect(result.structuredContent).toMatchObject({
      business_days: 8,
      calendar_days: 12,
      result: { date: '2026-12-29', weekday: 'Tuesday' },
      skipped_holidays: ['2026-12-25'],
    });
    const neither = await c.callTool({ name: 'business_days', arguments: { start: '2026-12-21' } });
    expect(neither.isError).toBe(true);
    const badWeekend = await c.callTool({
      name: 'business_days',
      arguments: { start: '2026-12-21', days: 1, weekend: [0, 0] },
    });
    expect(badWeekend.isError).toBe(true);
  });

  // SDK 1.32 turns schema violations and unknown tools into `isError: true` results, not JSON-RPC errors.
  it('reports schema violations and unknown tools as isError results', async () => {
    const c = await connect();
    const malformed = await c.callTool({ name: 'add', arguments: { datetime: 42, days: 1e9 } });
    expect(malformed.isError).toBe(true);
    expect(text(malformed)).toMatch(/Input validation error/);
    const unknown = await c.callTool({ name: 'no_such_tool', arguments: {} });
    expect(unknown.isError).toBe(true);
    expect(text(unknown)).toMatch(/not found/);
  });
});

describe('datetime MCP server (stdio entry)', () => {
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
    const result = await client.callTool({
      name: 'convert_timezone',
      arguments: { datetime: '2026-01-15T12:00:00Z', to_timezone: 'Asia/Kolkata' },
    });
    expect(result.structuredContent).toMatchObject({ datetime: '2026-01-15T17:30:00+05:30' });
  }, 20_000);
});
