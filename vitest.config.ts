import path from 'node:path';
import { defineConfig } from 'vitest/config';

// The client package resolves to its sources, as tsconfig.json's paths say (no build needed).
const alias = { '@': path.resolve(import.meta.dirname), '@paycenter/node': path.resolve(import.meta.dirname, 'packages/paycenter-node/src/index.ts') };
const ignored = ['node_modules/**', '.next/**', '.data/**'];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['**/*.test.ts', '**/*.test.tsx'],
          exclude: [...ignored, '**/*.integration.test.ts', 'e2e/**'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['**/*.integration.test.ts'],
          exclude: ignored,
          environment: 'node',
          globalSetup: ['server/testing/database-global-setup.ts'],
          setupFiles: ['server/testing/database-per-file.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          exclude: ignored,
          environment: 'node',
          globalSetup: ['e2e/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
