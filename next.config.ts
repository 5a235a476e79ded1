import type { NextConfig } from 'next'
import { maxRequestBytes, perFileLimitBytes } from './lib/multi-tenant/knowledge/upload-limits'

// The framework buffers request bodies for proxy.ts up to this size and cuts them there;
// it is set from the same numbers the upload route enforces (with 413 and the limit in
// the message), so that route, not a silently truncated body, decides.
const uploadRequestBytes = maxRequestBytes(perFileLimitBytes(Number(process.env.UPLOAD_MAX_MB) || 20))

const nextConfig: NextConfig = {
  // Native/wasm packages load their own files from node_modules at run time.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-pgvector', 'postgres', 'unpdf', 'mammoth', 'yauzl'],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    serverActions: { bodySizeLimit: '25mb' },
    proxyClientMaxBodySize: uploadRequestBytes + 1024 * 1024,
  },
}

export default nextConfig
