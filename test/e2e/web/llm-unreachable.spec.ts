import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { freePort } from '../../support/server-process.ts';
import { chromiumPath, ensureWebBuilt, launchChromium, screenshot } from './browser.ts';
import { startWebServer, type WebServer } from './server.ts';

/** No model server listens at LLM_BASE_URL: the chat names the address and the fix. */
describe.skipIf(chromiumPath === undefined)('the web UI when no LLM is reachable', () => {
  let server: WebServer;
  let browser: Browser;
  let llmUrl: string;

  beforeAll(async () => {
    await ensureWebBuilt();
    llmUrl = `http://127.0.0.1:${await freePort()}`;
    server = await startWebServer({ LLM_BASE_URL: llmUrl });
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser.close().catch(() => undefined);
    await server.stop().catch(() => undefined);
  });

  it('should say which address it could not reach and to start Ollama or set LLM_BASE_URL', async () => {
    const apiKey = await server.createUser('erin');
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(server.baseUrl);
    await page.getByLabel('API key').fill(apiKey);
    await page.keyboard.press('Enter');
    const composer = page.getByLabel('Message');
    await composer.fill('Hello?');
    await composer.press('Enter');
    const alert = page.locator('article.message-assistant [role="alert"]').last();
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain(llmUrl);
    expect(text).toContain('start Ollama or set LLM_BASE_URL');
    await screenshot(page, 'chat-llm-unreachable-light-desktop');
  });
});
