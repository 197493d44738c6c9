import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumPath, ensureWebBuilt, launchChromium, screenshot } from './browser.ts';
import { startWebServer, type WebServer } from './server.ts';

/** Behind an SSO forward-auth proxy (here: Chromium sends the proxy's header from 127.0.0.1). */
describe.skipIf(chromiumPath === undefined)('the web UI behind SSO forward-auth', () => {
  let server: WebServer;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebBuilt();
    server = await startWebServer({ AUTH_FORWARD_ENABLED: 'true', TRUSTED_PROXIES: '127.0.0.1/32' });
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser.close().catch(() => undefined);
    await server.stop().catch(() => undefined);
  });

  it('should sign the user in automatically, with no API key asked', async () => {
    const context = await browser.newContext({ extraHTTPHeaders: { 'X-Authentik-Username': 'dora' } });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/settings`);
    await page.getByText('via forward-auth').waitFor();
    expect(await page.getByLabel('API key', { exact: true }).count()).toBe(0);
    await screenshot(page, 'settings-forward-auth-light-desktop');
    await context.close();
  });
});
