import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const alias = Object.fromEntries(
  ['shared', 'functions', 'local', 'infra', 'test', 'bench', 'console'].map((dir) => [
    `#${dir}`,
    fileURLToPath(new URL(`./${dir}`, import.meta.url)),
  ]),
);

const changeStreamTests = ['test/e2e/change-events.test.ts', 'test/e2e/webhooks.test.ts'];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 120_000 },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          exclude: [...changeStreamTests],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        resolve: { alias },
        // The e2e tests of the change stream, on a stack of their own that reads it (the others' does not).
        test: {
          name: 'e2e-stream',
          include: changeStreamTests,
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          // The same stack as the e2e tests (npm start's entry point, console included), a stack of its own.
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
