import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: ['node_modules/**', '.next/**', '.data/**', 'server/db/generated/**', 'next-env.d.ts', 'test-results/**'],
  },
  {
    rules: {
      // Code reads configuration through server/config/env.ts only (see architecture.md).
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Use env() from server/config/env.ts.' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Launchers, test harnesses, config files and the env module itself set up the environment.
    files: ['scripts/**', 'server/config/env.ts', 'server/testing/**', 'e2e/**', '**/*.test.ts', '*.config.ts', '*.config.js', 'prisma.config.ts', 'prisma/migrate/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
];

export default config;
