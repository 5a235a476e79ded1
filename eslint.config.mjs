import nextCoreWebVitals from 'eslint-config-next/core-web-vitals'
import nextTypescript from 'eslint-config-next/typescript'
import prettierConfig from 'eslint-config-prettier/flat'

const FEATURES = [
  'access',
  'tenants',
  'members',
  'knowledge',
  'oracle',
  'conversations',
  'usage',
  'audit',
  'api-keys',
  'public-api',
  'end-users',
  'widget',
  'requests',
]

// Outside a feature's folder, the feature is reached through its index.ts only.
const featureInternals = (except) => ({
  group: FEATURES.filter((feature) => feature !== except).map((feature) => `@/lib/multi-tenant/${feature}/*`),
  message: "Import another feature through its index.ts (e.g. '@/lib/multi-tenant/tenants').",
})

// The browser's code: shared logic (engine, contracts, the client helpers) and types only.
const serverModules = {
  group: [
    '@/lib/db',
    '@/lib/db/*',
    '@/lib/multi-tenant',
    '@/lib/multi-tenant/**',
    '@/lib/http',
    '@/lib/http/*',
    '@/lib/ai',
    '@/lib/ai/**',
    '@/lib/ingest',
    '@/lib/ingest/*',
    '@/lib/auth/*',
    '@/lib/auth/*/*',
    '!@/lib/auth/password-policy',
    '!@/lib/auth/roles',
    '@/lib/env',
    '@/lib/health',
    '@/lib/secrets',
    '@/lib/secrets/*',
    'node:*',
    'postgres',
    '@electric-sql/*',
    'openai',
  ],
  allowTypeImports: true,
  message: 'Components and lib/client run in the browser: import server modules for their types only (import type).',
}

// A path of its own: as a pattern, it would also shut out the pure password policy inside it.
const authIndex = { name: '@/lib/auth', allowTypeImports: true, message: serverModules.message }

const database = {
  group: ['@/lib/db', '@/lib/db/*'],
  message: 'Pages and route handlers reach the database through a service (and the caller of lib/http route wrappers).',
}

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ['.next/**', 'node_modules/**', '.data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['components/**', 'lib/client/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [authIndex], patterns: [serverModules, featureInternals(null)] }] },
  },
  {
    files: ['app/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [database, featureInternals(null)] }] },
  },
  {
    files: ['scripts/**', 'bench/**', 'lib/http/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [featureInternals(null)] }] },
  },
  ...FEATURES.map((feature) => ({
    files: [`lib/multi-tenant/${feature}/**`],
    rules: { 'no-restricted-imports': ['error', { patterns: [featureInternals(feature)] }] },
  })),
  // Layout belongs to Prettier (checked by `npm run lint`); ESLint keeps only the rules about meaning.
  prettierConfig,
]

export default config
