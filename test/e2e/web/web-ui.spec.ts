import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { steps, textAnswer, toolCallAnswer } from '../../support/scripted-llm/script.ts';
import { chromiumPath, ensureWebBuilt, launchChromium, screenshot, watchPageErrors } from './browser.ts';
import { startWebServer, type WebServer } from './server.ts';

if (chromiumPath === undefined) {
  console.warn(
    '[web e2e] SKIPPED: no Chromium executable (/usr/bin/chromium or CHROMIUM_PATH). ' +
      'Install it with: apt-get install -y --no-install-recommends chromium fonts-dejavu-core',
  );
}

const gardenNotes = `Garden notes

Tomatoes need full sun, deep watering twice a week and a stake to climb.
Basil grows well beside tomatoes and keeps some pests away.
`;

const answer = [
  'Tomatoes need **full sun** and deep watering [1].',
  '',
  '| Plant | Sun |',
  '|---|---|',
  '| Tomato | full |',
  '',
  '```python',
  'print("water twice a week")',
  '```',
  '',
  'Hostile bits stay inert: <img src=x onerror="window.__pwned=1"> [bad](javascript:window.__pwned=2)',
].join('\n');

/** The screens shown in each theme and width. */
const screens = ['chat', 'documents', 'groups', 'settings', 'admin'] as const;

describe.skipIf(chromiumPath === undefined)('the web UI in headless Chromium', () => {
  let server: WebServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let apiKey: string;
  let conversationPath = '/chat';

  beforeAll(async () => {
    await ensureWebBuilt();
    // One user walks every screen (light and dark, two widths) within a minute: above the default 100
    // requests a minute a user may make.
    server = await startWebServer({ RATE_LIMIT_GENERAL_PER_MINUTE: '1000' });
    apiKey = await server.createUser('alice', 'admin');
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    errors = watchPageErrors(page);
  }, 240_000);

  afterAll(async () => {
    if (server.running.child.exitCode !== null) {
      console.warn(`[web e2e] the server exited early:\n${server.running.stderr.join('')}`);
    }
    await browser.close().catch(() => undefined);
    await server.stop().catch(() => undefined);
  });

  it('should sign in with an API key and open the chat', async () => {
    await page.goto(server.baseUrl);
    await screenshot(page, 'sign-in-light-desktop');
    await page.getByLabel('API key').fill('yw_not-a-real-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('not valid');
    await page.getByLabel('API key').fill(apiKey);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'What can I help with?' }).waitFor();
    const cookies = await context.cookies();
    expect(cookies.find((cookie) => cookie.name === 'yw_session')?.httpOnly).toBe(true);
  });

  it('should upload a document and show upload then ingestion progress until it is ready', async () => {
    await page.getByRole('link', { name: 'Documents' }).click();
    await page.getByRole('heading', { name: 'Add documents' }).waitFor();
    await page.locator('#upload-input').setInputFiles({
      name: 'garden-notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(gardenNotes),
    });
    await page.getByLabel('Upload of garden-notes.txt').waitFor();
    await page.getByText('Ready', { exact: true }).waitFor({ timeout: 90_000 });
    await page.getByRole('link', { name: 'garden-notes.txt' }).waitFor();
    expect(await page.getByRole('cell', { name: 'ready' }).count()).toBeGreaterThan(0);
    // The type filter asks the API for one format family.
    await page.getByLabel('Type').selectOption('pdf');
    await page.getByText('No documents match these filters.').waitFor();
    await page.getByLabel('Type').selectOption('text');
    await page.getByRole('link', { name: 'garden-notes.txt' }).waitFor();
    await page.getByLabel('Type').selectOption('');
  });

  it('should stream an answer with rendered markdown, a citation, and nothing hostile executed', async () => {
    server.llm.enqueue(textAnswer(answer, { reasoning: 'The notes mention tomatoes.' }));
    await page.getByRole('link', { name: 'Chat' }).click();
    const composer = page.getByLabel('Message');
    await composer.fill('What do tomatoes need?');
    await composer.press('Enter');
    const message = page.locator('article.message-assistant').last();
    await message.getByText('full sun').waitFor();
    await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    conversationPath = new URL(page.url()).pathname;
    expect(await message.locator('table td').first().textContent()).toBe('Tomato');
    expect(await message.locator('.code-block button', { hasText: 'Copy code' }).count()).toBe(1);
    expect(await message.locator('[onerror], script').count()).toBe(0);
    expect(await message.locator('a[href^="javascript"]').count()).toBe(0);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await message.textContent()).toContain('<img src=x onerror=');
    expect(await message.locator('details.reasoning').getAttribute('open')).toBeNull();
    const citation = message.locator('a.citation').first();
    await citation.waitFor();
    await citation.click();
    await page.waitForURL(/\/documents\/[0-9a-f-]{36}\?/);
    await page.locator('.chunks li.cited').waitFor();
    await screenshot(page, 'document-detail-light-desktop');
  });

  it('should share the document with a group: a member finds it, a non-member does not', async () => {
    const bobKey = await server.createUser('bob');
    const carolKey = await server.createUser('carol');
    await page.getByRole('link', { name: 'Groups' }).click();
    await page.getByLabel('New group’s name').fill('Gardeners');
    await page.getByRole('button', { name: 'Create group' }).click();
    await page.getByRole('link', { name: 'Gardeners' }).click();
    await page.getByLabel('Add by username or email').fill('bob');
    await page.getByRole('button', { name: 'Add member' }).click();
    await page.getByText('@bob').waitFor();
    await screenshot(page, 'group-light-desktop');

    await page.getByRole('link', { name: 'Documents' }).click();
    await page.getByRole('link', { name: 'garden-notes.txt' }).click();
    await page.getByLabel('Group', { exact: true }).selectOption({ label: 'Gardeners' });
    await page.getByLabel('Private inside the group').waitFor();

    const bobContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const bobPage = await bobContext.newPage();
    await bobPage.goto(server.baseUrl);
    await bobPage.getByLabel('API key').fill(bobKey);
    await bobPage.keyboard.press('Enter');
    await bobPage.getByRole('link', { name: 'Documents' }).click();
    await bobPage.getByRole('link', { name: 'garden-notes.txt' }).waitFor();
    await bobContext.close();

    const carol = (await (
      await fetch(`${server.baseUrl}/v1/documents`, { headers: { authorization: `Bearer ${carolKey}` } })
    ).json()) as { items: unknown[] };
    expect(carol.items).toEqual([]);
  });

  it('should show a tool call live: name, arguments, result and duration', async () => {
    await page.getByRole('link', { name: 'Chat' }).click();
    await page.locator('body').press('Control+k');
    // The model calls the bundled units server, then takes its time to answer.
    server.llm.enqueue(
      toolCallAnswer([{ name: 'units__convert', arguments: { value: 100, from: 'celsius', to: '°F' } }]),
      steps({ type: 'delay', ms: 4_000 }, { type: 'text', text: 'Boiling water is 212 °F.' }),
    );
    const composer = page.getByLabel('Message');
    await composer.fill('How hot is boiling water in Fahrenheit?');
    await composer.press('Enter');
    const live = page.locator('article.streaming .tool-calls li').first();
    await live.locator('.tool-name', { hasText: 'units__convert' }).waitFor();
    await live.getByText(/^done in \d+ ms$/).waitFor();
    await live.locator('summary').click();
    const [input, output] = await live.locator('pre').allTextContents();
    expect(JSON.parse(input ?? '{}')).toEqual({ value: 100, from: 'celsius', to: '°F' });
    expect(output).toMatch(/212/);
    expect(await page.locator('article.streaming', { hasText: 'Boiling water' }).count()).toBe(0);
    const done = page.locator('article.message-assistant', { hasText: 'Boiling water is 212 °F.' });
    await done.waitFor();
    expect(await done.locator('.tool-name').allTextContents()).toEqual(['units__convert']);
    await screenshot(page, 'chat-tool-call-light-desktop');
  });

  it('should be usable with the keyboard alone: new chat, send, stop', async () => {
    await page.getByRole('link', { name: 'Chat' }).click();
    await page.locator('body').press('Control+k');
    await page.getByRole('heading', { name: 'What can I help with?' }).waitFor();
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('composer-input');
    server.llm.enqueue(textAnswer('Keyboard answer.'));
    await page.keyboard.type('First line');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('second line');
    await page.keyboard.press('Enter');
    await page.locator('article.message-assistant', { hasText: 'Keyboard answer.' }).waitFor();
    expect(await page.locator('article.message-user').last().textContent()).toBe('First line\nsecond line');

    // Regenerate resends the last message; the model picker lists the server's models.
    server.llm.enqueue(textAnswer('Regenerated answer.'));
    await page.getByRole('button', { name: 'Regenerate' }).click();
    await page.locator('article.message-assistant', { hasText: 'Regenerated answer.' }).waitFor();
    expect(await page.getByLabel('Model').locator('option').allTextContents()).toEqual([
      'Default',
      'gpt-oss:20b',
      'qwen3:8b',
    ]);
    await page.getByLabel('Message').focus();

    server.llm.enqueue(
      steps({ type: 'text', text: 'Slow ' }, { type: 'delay', ms: 20_000 }, { type: 'text', text: 'never' }),
    );
    await page.keyboard.type('Tell me slowly');
    await page.keyboard.press('Enter');
    await page.locator('article.streaming', { hasText: 'Slow' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByText('Stopped.').waitFor();
    // Focus stays in the composer, ready for the next message.
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('composer-input');
  });

  it('should save a screenshot of each main screen: light and dark, desktop and 390 px wide', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [width, height, label] of [
        [1280, 800, 'desktop'],
        [390, 844, 'mobile'],
      ] as const) {
        await page.setViewportSize({ width, height });
        for (const name of screens) {
          await page.goto(`${server.baseUrl}${name === 'chat' ? conversationPath : `/${name}`}`);
          await page.locator('main#main').waitFor();
          await page.waitForLoadState('networkidle');
          await screenshot(page, `${name}-${scheme}-${label}`);
        }
        if (label === 'mobile') {
          const nav = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
          expect(nav && nav.y + nav.height).toBeCloseTo(height, -1);
        }
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('should sign out, and the page should have had no CSP or script errors', async () => {
    await page.goto(`${server.baseUrl}/settings`);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByLabel('API key').waitFor();
    for (const [scheme, width, height, label] of [
      ['dark', 1280, 800, 'desktop'],
      ['light', 390, 844, 'mobile'],
      ['dark', 390, 844, 'mobile'],
    ] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height });
      await screenshot(page, `sign-in-${scheme}-${label}`);
    }
    const me = await page.evaluate('fetch("/v1/auth/me").then((r) => r.status)');
    expect(me).toBe(401);
    expect(errors.filter((line) => !line.includes('Failed to load resource'))).toEqual([]);
  });

  it('should sign out everywhere: every browser session of the user ends', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 800 });
    // Signed out on /settings: signing in again stays there.
    await page.getByLabel('API key').fill(apiKey);
    await page.keyboard.press('Enter');
    const everywhere = page.getByRole('button', { name: 'Sign out everywhere' });
    await everywhere.waitFor();
    const other = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const otherPage = await other.newPage();
    await otherPage.goto(server.baseUrl);
    await otherPage.getByLabel('API key').fill(apiKey);
    await otherPage.keyboard.press('Enter');
    await otherPage.getByRole('heading', { name: 'What can I help with?' }).waitFor();

    await everywhere.click();
    await page.getByLabel('API key').waitFor();
    expect(await page.evaluate('fetch("/v1/auth/me").then((r) => r.status)')).toBe(401);
    expect(await otherPage.evaluate('fetch("/v1/auth/me").then((r) => r.status)')).toBe(401);
    await otherPage.reload();
    await otherPage.getByLabel('API key').waitFor();
    await other.close();
    expect(errors.filter((line) => !line.includes('Failed to load resource'))).toEqual([]);
  });
});
