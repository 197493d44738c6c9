import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repositoryRoot } from '../../support/server-process.ts';

/** Debian's Chromium (CI installs it with apt), or CHROMIUM_PATH. */
export const chromiumPath = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
].find(
  (candidate): candidate is string => candidate !== undefined && candidate !== '' && existsSync(candidate),
);

/** Headless flags for containers and CI machines without a GPU or user namespaces. */
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'];

/** Where screenshots go (gitignored, kept by CI as an artifact). */
export const artifactsDir = join(repositoryRoot, 'artifacts', 'web');

/**
 * Builds the web UI when apps/web/dist is missing (the server serves it at `/`). Test files run in
 * parallel: the first takes a lock directory and builds; the others wait for it to finish.
 */
export async function ensureWebBuilt(): Promise<void> {
  const index = join(repositoryRoot, 'apps/web/dist/index.html');
  const lock = join(repositoryRoot, 'apps/web/.build-lock');
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (existsSync(index) && !existsSync(lock)) {
      return;
    }
    try {
      mkdirSync(lock);
    } catch {
      if (Date.now() > deadline) {
        throw new Error(`waited 180 s for another web build (remove ${lock} if none runs)`);
      }
      await sleep(250);
      continue;
    }
    try {
      if (!existsSync(index)) {
        await promisify(execFile)('npm', ['run', 'build', '-w', '@youworker/web'], { cwd: repositoryRoot });
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/** Launches headless Chromium. */
export async function launchChromium(): Promise<Browser> {
  if (chromiumPath === undefined) {
    throw new Error('no Chromium executable');
  }
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

/** Collects console errors (CSP violations included) and uncaught page errors. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 40[14]/.test(message.text())) {
      const where = message.location();
      errors.push(`${message.text()} (at ${where.url}:${where.lineNumber})`);
    }
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Saves a screenshot as artifacts/web/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: false });
}
