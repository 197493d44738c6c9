import { defineConfig } from 'vitest/config';

/**
 * Three tiers (docs/testing.md): `unit` (colocated *.spec.ts, no I/O), `medium` (real database and
 * real HTTP against the built app), `e2e` (the real server process). `npm test` runs all three.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'apps/*/src/**/*.spec.ts',
            'packages/*/src/**/*.spec.ts',
            'packages/mcp-servers/*/src/**/*.spec.ts',
          ],
          exclude: ['apps/web/**', '**/node_modules/**'],
          setupFiles: ['test/setup/block-network.ts'],
        },
      },
      {
        // The web UI's component tests (React + Testing Library on happy-dom).
        test: {
          name: 'web',
          include: [
            'apps/web/src/**/*.spec.ts',
            'apps/web/src/**/*.spec.tsx',
            'apps/web/scripts/**/*.spec.ts',
          ],
          environment: 'happy-dom',
          setupFiles: ['test/setup/block-network.ts', 'apps/web/src/test-setup.ts'],
        },
      },
      {
        test: {
          name: 'medium',
          include: ['test/medium/**/*.spec.ts'],
          globalSetup: ['test/medium/global-setup.ts'],
          setupFiles: ['test/setup/block-network.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.spec.ts'],
          setupFiles: ['test/setup/block-network.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
