import { isIP } from 'node:net'
import { z } from 'zod'
import { parseKeySpec, type SecretKey } from '@/lib/secrets/key-spec'

function isCidr(value: string): boolean {
  const [address, prefix, extra] = value.split('/')
  const family = isIP(address ?? '')
  if (family === 0 || extra !== undefined) return false
  if (prefix === undefined) return true
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128)
}

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional()

const optionalUrl = optionalString.pipe(z.url({ message: 'must be a URL' }).optional())

/** Keys as `<id>:<base64>`, comma-separated; each is checked, and no message repeats key material. */
const secretKeys = optionalString.transform((value, context): SecretKey[] => {
  const keys: SecretKey[] = []
  for (const spec of (value ?? '').split(',').map((entry) => entry.trim())) {
    if (spec === '') continue
    const parsed = parseKeySpec(spec)
    if (typeof parsed === 'string') context.addIssue({ code: 'custom', message: parsed })
    else keys.push(parsed)
  }
  return keys
})

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, { message: 'must start with postgres:// or postgresql://' })
      .optional(),
  ),
  PGLITE_DATA_DIR: optionalString.default('.data/pglite'),
  PLATFORM_DOMAIN: optionalString.default('localhost'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_MODEL: optionalString.default('gpt-4o-mini'),
  OPENAI_EMBEDDING_MODEL: optionalString.default('text-embedding-3-small'),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
  NEXT_PUBLIC_SUPABASE_URL: optionalUrl,
  NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: optionalString,
  /** A server key of the Supabase project (sb_secret_...): with it, originals go to Supabase Storage. */
  SUPABASE_SECRET_KEY: optionalString,
  SUPABASE_STORAGE_BUCKET: optionalString.default('knowledge-originals'),
  UPLOAD_MAX_MB: z.coerce.number().positive().max(1024).default(20),
  INGEST_WORKERS: z.coerce.number().int().min(1).max(32).optional(),
  INGEST_WORKER_MEMORY_MB: z.coerce.number().int().min(64).max(16_384).default(512),
  INGEST_FILE_TIMEOUT_S: z.coerce.number().positive().max(3600).default(60),
  DEBUG_EVENT_LOOP: z
    .enum(['1', '0', ''])
    .default('')
    .transform((value) => value === '1'),
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((value) => value === 'true' || value === '1'),
  TRUSTED_PROXY_HOPS: optionalString.pipe(z.coerce.number<string | undefined>().int().min(0).max(16).optional()),
  TRUSTED_PROXIES: optionalString
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== ''),
    )
    .pipe(z.array(z.string().refine(isCidr, { message: 'must be a comma-separated list of IP addresses or CIDR ranges' }))),
  SMTP_URL: optionalString.pipe(
    z
      .string()
      .regex(/^smtps?:\/\/[^/]+/, { message: 'must look like smtp://[user:password@]host:port or smtps://…' })
      .optional(),
  ),
  MAIL_FROM: optionalString.pipe(z.string().max(300).optional()),
  /** The key that encrypts stored secrets (lib/secrets); unset in embedded mode = a generated one. */
  SECRETS_KEY: secretKeys.refine((keys) => keys.length <= 1, { message: 'must be one key; earlier keys go in SECRETS_OLD_KEYS' }),
  /** Keys that only decrypt, for secrets sealed before a rotation. */
  SECRETS_OLD_KEYS: secretKeys,
  /** Embedded mode: the running app writes a backup here every BACKUP_INTERVAL_HOURS, keeping the newest BACKUP_KEEP. */
  BACKUP_DIR: optionalString,
  BACKUP_INTERVAL_HOURS: z.coerce.number().positive().max(576).default(24),
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(7),
})

export type Env = z.infer<typeof envSchema>

export type Modes = {
  database: 'pglite' | 'postgres'
  auth: 'local' | 'supabase'
  llm: 'openai' | 'offline'
  mail: 'smtp' | 'outbox'
}

export type Config = Env & { modes: Modes }

export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

/** Validates an environment once; a bad value fails loudly with every problem named. */
export function parseEnv(source: Record<string, string | undefined>): Config {
  const result = envSchema.safeParse(source)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`Invalid environment configuration:\n${lines.join('\n')}`)
  }
  const env = result.data
  const supabaseUrl = env.NEXT_PUBLIC_SUPABASE_URL
  const supabaseKey = env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY
  if (Boolean(supabaseUrl) !== Boolean(supabaseKey)) {
    throw new ConfigError(
      'Invalid environment configuration:\n  NEXT_PUBLIC_SUPABASE_URL and NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY must be set together',
    )
  }
  if (supabaseUrl && !env.DATABASE_URL) {
    throw new ConfigError(
      'Invalid environment configuration:\n  Supabase auth needs DATABASE_URL (the Supabase Postgres connection string)',
    )
  }
  if (env.SMTP_URL && !env.MAIL_FROM) {
    throw new ConfigError(
      'Invalid environment configuration:\n  SMTP_URL needs MAIL_FROM (the sender address of the mail the platform sends)',
    )
  }
  if (env.BACKUP_DIR && env.DATABASE_URL) {
    throw new ConfigError(
      'Invalid environment configuration:\n  BACKUP_DIR is for the embedded database; back up a server database with pg_dump or its provider (see the README)',
    )
  }
  const keyIds = [...env.SECRETS_KEY, ...env.SECRETS_OLD_KEYS].map((key) => key.id)
  if (new Set(keyIds).size !== keyIds.length) {
    throw new ConfigError('Invalid environment configuration:\n  SECRETS_KEY and SECRETS_OLD_KEYS must not repeat a key id')
  }
  return {
    ...env,
    modes: {
      database: env.DATABASE_URL ? 'postgres' : 'pglite',
      auth: supabaseUrl ? 'supabase' : 'local',
      llm: env.OPENAI_API_KEY || env.OPENAI_BASE_URL ? 'openai' : 'offline',
      mail: env.SMTP_URL ? 'smtp' : 'outbox',
    },
  }
}

let cached: Config | undefined

export function config(): Config {
  cached ??= parseEnv(process.env)
  return cached
}

/** Tests change the environment between cases; this forgets the parsed copy. */
export function resetConfigForTests(): void {
  cached = undefined
}
