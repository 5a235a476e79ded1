import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // Native/wasm packages load their own files from node_modules at run time.
  serverExternalPackages: [
    '@electric-sql/pglite',
    '@electric-sql/pglite-pgvector',
    'postgres',
    'unpdf',
    'mammoth',
  ],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    serverActions: { bodySizeLimit: '25mb' },
  },
}

export default nextConfig
