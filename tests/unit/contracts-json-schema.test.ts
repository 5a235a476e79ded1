import { describe, expect, it } from 'vitest'
import { z } from 'zod'

/*
 * The contracts are the API's documentation source (OpenAPI is generated from them), so
 * each must convert to JSON Schema, and an answer the server sends must name every key
 * the browser may read: response schemas refuse unknown keys.
 */

const modules = import.meta.glob<Record<string, unknown>>('../../lib/contracts/*.ts', { eager: true })

const schemas = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType)
    .map(([name, schema]) => ({ id: `${file.replace(/^.*\//, '')} ${name}`, name, schema })),
)
const responses = schemas.filter(({ name }) => name.endsWith('ResponseSchema'))

describe('contracts', () => {
  it('are found in lib/contracts, responses among them', () => {
    expect(schemas.length).toBeGreaterThan(10)
    expect(responses.length).toBeGreaterThan(3)
  })

  it.each(schemas.map((entry) => [entry.id, entry.schema] as const))('%s converts to JSON Schema', (_id, schema) => {
    expect(() => z.toJSONSchema(schema, { io: 'input' })).not.toThrow()
  })

  // In the input view only a strict object forbids extra keys (the output view says so of every object).
  it.each(responses.map((entry) => [entry.id, entry.schema] as const))('%s is strict', (_id, schema) => {
    expect(z.toJSONSchema(schema, { io: 'input' })).toMatchObject({ type: 'object', additionalProperties: false })
  })
})
