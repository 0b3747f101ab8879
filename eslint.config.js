import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

/** Server modules a browser bundle may load: the contract's vocabulary, free of Node and secrets. */
const BROWSER_SAFE_SERVER = /^@\/server\/contract\//;

/**
 * A 'use client' file is shipped to the browser: it may import server modules for their types only,
 * except the browser-safe ones. dependency-cruiser (npm run lint:deps) cannot see the directive.
 */
const clientImports = {
  meta: { type: 'problem', schema: [], messages: { server: "'use client' code must not load {{source}}: import types only, or move what the browser needs to server/contract/." } },
  create(context) {
    let client = false;
    const check = (node) => {
      const source = node.source?.value;
      if (!client || typeof source !== 'string' || !source.startsWith('@/server/') || BROWSER_SAFE_SERVER.test(source)) return;
      const typeOnly = node.importKind === 'type' || node.exportKind === 'type' || (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));
      if (!typeOnly) context.report({ node, messageId: 'server', data: { source } });
    };
    return {
      Program(program) {
        client = program.body.some((statement) => statement.type === 'ExpressionStatement' && statement.directive === 'use client');
      },
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
    };
  },
};

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: ['node_modules/**', '.next/**', '.data/**', 'release/**', 'server/db/generated/**', 'next-env.d.ts', 'test-results/**'],
  },
  {
    rules: {
      // Code reads configuration through server/config/env.ts only (see architecture.md).
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Use env() from server/config/env.ts.' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['app/**/*.tsx', 'app/**/*.ts', 'components/**/*.tsx', 'components/**/*.ts'],
    plugins: { paycenter: { rules: { 'client-imports': clientImports } } },
    rules: { 'paycenter/client-imports': 'error' },
  },
  {
    // Launchers, test harnesses, config files and the env module itself set up the environment.
    files: ['scripts/**', 'deploy/**', 'server/config/env.ts', 'server/testing/**', 'e2e/**', '**/*.test.ts', '*.config.ts', '*.config.js', 'prisma.config.ts', 'prisma/migrate/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
];

export default config;
