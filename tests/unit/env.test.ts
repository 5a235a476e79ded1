import { describe, expect, it } from 'vitest'
import { ConfigError, parseEnv } from '@/lib/env'

describe('parseEnv', () => {
  it('defaults to embedded database, local auth and the offline LLM', () => {
    const env = parseEnv({})
    expect(env.modes).toEqual({ database: 'pglite', auth: 'local', llm: 'offline', mail: 'outbox' })
    expect(env.PGLITE_DATA_DIR).toBe('.data/pglite')
    expect(env.PORT).toBe(3000)
  })

  it('switches to server Postgres, Supabase auth and OpenAI when configured', () => {
    const env = parseEnv({
      DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db',
      NEXT_PUBLIC_SUPABASE_URL: 'https://abc.supabase.co',
      NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: 'sb_publishable_x',
      OPENAI_API_KEY: 'sk-test',
    })
    expect(env.modes).toEqual({ database: 'postgres', auth: 'supabase', llm: 'openai', mail: 'outbox' })
  })

  it('treats an OpenAI-compatible base URL without a key as the OpenAI mode', () => {
    expect(parseEnv({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' }).modes.llm).toBe('openai')
  })

  it('sends mail over SMTP only with SMTP_URL and MAIL_FROM together, and knows smtp:// from anything else', () => {
    const env = parseEnv({ SMTP_URL: 'smtps://mailer:secret@mail.example.com:465', MAIL_FROM: 'Oracle <no-reply@example.com>' })
    expect(env.modes.mail).toBe('smtp')
    expect(() => parseEnv({ SMTP_URL: 'smtp://mail.example.com:587' })).toThrowError(/MAIL_FROM/)
    expect(() => parseEnv({ SMTP_URL: 'http://mail.example.com', MAIL_FROM: 'x@example.com' })).toThrowError(/SMTP_URL/)
  })

  it('treats empty strings as unset', () => {
    expect(parseEnv({ DATABASE_URL: '', OPENAI_API_KEY: ' ' }).modes).toMatchObject({ database: 'pglite', llm: 'offline' })
  })

  it('names every bad value in one clear error', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x', PORT: 'abc', OPENAI_BASE_URL: 'not a url' })).toThrowError(ConfigError)
    try {
      parseEnv({ DATABASE_URL: 'mysql://x', PORT: 'abc' })
    } catch (error) {
      expect((error as Error).message).toMatch(/DATABASE_URL/)
      expect((error as Error).message).toMatch(/PORT/)
    }
  })

  it('refuses half a Supabase configuration and Supabase without its database', () => {
    expect(() => parseEnv({ NEXT_PUBLIC_SUPABASE_URL: 'https://abc.supabase.co' })).toThrow(/set together/)
    expect(() => parseEnv({ NEXT_PUBLIC_SUPABASE_URL: 'https://abc.supabase.co', NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: 'k' })).toThrow(
      /DATABASE_URL/,
    )
  })
})
