/**
 * `npm run bench:web`: the web UI's four measures (issue 8, docs/web-ui.md).
 *
 * 1. **Initial JavaScript (gzip)**: the scripts index.html loads before the first screen (entry script
 *    and module preloads; lazily loaded screens excluded), each gzipped at level 9 and summed.
 * 2. **Time to interactive of the chat screen** in headless Chromium: navigation start → the composer
 *    is enabled and focusable with the session list loaded (`performance.now()` in the page), over
 *    `--runs` cold loads (new browser context each, HTTP cache empty). Median and max.
 * 3. **Frame rate while streaming** a `--tokens`-token answer (default 5,000) from the scripted model
 *    server through the real server: requestAnimationFrame callbacks counted in the page from the
 *    first token to the end of the run; mean fps, and the worst 1 s window.
 * 4. **Layout shift while streaming** that answer: `layout-shift` PerformanceObserver entries (not
 *    caused by input) from the first token to the end, as CLS (largest session window; good ≤ 0.1).
 *
 * Processes: the scripted model server (in this process), the real server (`apps/server/src/main.ts`,
 * embedded mode, temp DATA_DIR), Debian's Chromium (`/usr/bin/chromium` or CHROMIUM_PATH). Builds the
 * web UI first when apps/web/dist is missing. Options: --runs 5 --tokens 5000 --token-delay-ms 1
 * --tokens-per-delay 4.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { ScriptStep } from '../test/support/scripted-llm/script.ts';
import { repositoryRoot } from '../test/support/server-process.ts';
import { chromiumPath, ensureWebBuilt, launchChromium } from '../test/e2e/web/browser.ts';
import { startWebServer } from '../test/e2e/web/server.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    tokens: { type: 'string', default: '5000' },
    'token-delay-ms': { type: 'string', default: '1' },
    'tokens-per-delay': { type: 'string', default: '4' },
  },
});
const runs = Number(values.runs);
const tokens = Number(values.tokens);
const tokenDelayMs = Number(values['token-delay-ms']);
const tokensPerDelay = Number(values['tokens-per-delay']);

function initialJavaScriptGzipBytes(): { files: string[]; gzipBytes: number; rawBytes: number } {
  const dist = join(repositoryRoot, 'apps/web/dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((match) => match[1] ?? '');
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const file of files) {
    const content = readFileSync(join(dist, file));
    rawBytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { files, gzipBytes, rawBytes };
}

/** A markdown answer of `count` tokens: paragraphs, a list, inline code, now and then a code block. */
function answerSteps(count: number): ScriptStep[] {
  const words = ['tomatoes', 'need', 'full', 'sun', 'and', '**deep**', 'watering', '`twice`', 'a', 'week'];
  const list: ScriptStep[] = [];
  for (let index = 0; index < count; index += 1) {
    let text = `${words[index % words.length] ?? 'word'} `;
    if (index % 60 === 59) {
      text += '\n\n';
    }
    if (index % 600 === 300) {
      text += '\n\n- one\n- two\n\n```ts\nconst x = 1;\n```\n\n';
    }
    list.push({ type: 'text', text });
    if (index % tokensPerDelay === tokensPerDelay - 1) {
      list.push({ type: 'delay', ms: tokenDelayMs });
    }
  }
  return list;
}

/** CLS as Chromium defines it: the largest sum over session windows (gaps < 1 s, windows ≤ 5 s). */
function cumulativeLayoutShift(shifts: { time: number; value: number }[]): number {
  let largest = 0;
  let windowStart = Number.NEGATIVE_INFINITY;
  let previous = Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (const shift of shifts) {
    if (shift.time - previous >= 1000 || shift.time - windowStart >= 5000) {
      windowStart = shift.time;
      sum = 0;
    }
    sum += shift.value;
    previous = shift.time;
    largest = Math.max(largest, sum);
  }
  return largest;
}

function median(list: number[]): number {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function main() {
  if (chromiumPath === undefined) {
    console.error('No Chromium executable (/usr/bin/chromium or CHROMIUM_PATH): apt-get install chromium');
    process.exitCode = 1;
    return;
  }
  await ensureWebBuilt();
  const size = initialJavaScriptGzipBytes();
  console.log(
    `initial JavaScript: ${(size.gzipBytes / 1000).toFixed(1)} kB gzip (${(size.rawBytes / 1000).toFixed(1)} kB raw) in ${size.files.join(', ')}`,
  );

  const server = await startWebServer();
  const browser = await launchChromium();
  try {
    const apiKey = await server.createUser('bench');
    const login = await fetch(`${server.baseUrl}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ apiKey }),
    });
    const cookies = login.headers.getSetCookie().map((line) => {
      const [pair = ''] = line.split(';');
      const [name = '', ...rest] = pair.split('=');
      return { name, value: rest.join('='), url: server.baseUrl };
    });

    const tti: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addCookies(cookies);
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/chat`);
      await page.locator('#composer-input:enabled').waitFor();
      await page.locator('.sessions ul, .sessions p.muted:not(:has-text("Loading"))').first().waitFor();
      tti.push(Number(await page.evaluate('performance.now()')));
      await context.close();
    }
    console.log(
      `chat time to interactive: median ${median(tti).toFixed(0)} ms, max ${Math.max(...tti).toFixed(0)} ms over ${runs} cold loads`,
    );

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addCookies(cookies);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/chat`);
    await page.locator('#composer-input:enabled').waitFor();
    server.llm.enqueue({ kind: 'steps', steps: answerSteps(tokens) });
    await page.evaluate(`(() => {
      window.__frames = [];
      const tick = (time) => { window.__frames.push(time); window.__raf = requestAnimationFrame(tick); };
      window.__raf = requestAnimationFrame(tick);
      // Layout shifts while streaming (CLS: the largest session window of shifts ≤ 1 s apart, ≤ 5 s long).
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (!entry.hadRecentInput) window.__shifts.push({ time: entry.startTime, value: entry.value });
        }
      }).observe({ type: 'layout-shift' });
    })()`);
    await page.getByLabel('Message').fill('Write a long answer');
    const started = Date.now();
    await page.getByLabel('Message').press('Enter');
    await page.locator('article.streaming .markdown').first().waitFor();
    const firstToken = Number(await page.evaluate('performance.now()'));
    await page.locator('article.streaming').waitFor({ state: 'detached', timeout: 300_000 });
    const ended = Number(await page.evaluate('performance.now()'));
    const frames = await page.evaluate<number[]>('window.__frames');
    const during = frames.filter((time) => time >= firstToken && time <= ended);
    const seconds = (ended - firstToken) / 1000;
    let worst = Number.POSITIVE_INFINITY;
    for (let start = firstToken; start + 1000 <= ended; start += 250) {
      worst = Math.min(worst, during.filter((time) => time >= start && time < start + 1000).length);
    }
    const longest = during
      .slice(1)
      .reduce((max, time, index) => Math.max(max, time - (during[index] ?? time)), 0);
    const shifts = await page.evaluate<{ time: number; value: number }[]>('window.__shifts');
    const streamShifts = shifts.filter((shift) => shift.time >= firstToken && shift.time <= ended);
    const words = await page.locator('article.message-assistant').last().textContent();
    console.log(
      `streaming ${tokens} tokens: ${(during.length / seconds).toFixed(1)} fps mean, worst 1 s window ${
        Number.isFinite(worst) ? worst : during.length
      } frames, longest frame ${longest.toFixed(0)} ms, stream ${seconds.toFixed(1)} s (request → end ${(
        (Date.now() - started) /
        1000
      ).toFixed(1)} s), ${words?.split(/\s+/).length ?? 0} words rendered`,
    );
    console.log(
      `layout shift while streaming: CLS ${cumulativeLayoutShift(streamShifts).toFixed(4)} (${
        streamShifts.length
      } shifts, total ${streamShifts.reduce((sum, shift) => sum + shift.value, 0).toFixed(4)}; good ≤ 0.1)`,
    );
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
