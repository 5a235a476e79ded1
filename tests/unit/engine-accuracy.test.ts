import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ELEMENTS, detectElement, elementSchema, type Element } from '@/lib/engine'

/*
 * Accuracy of the offline detector on two labelled sets: the project's shared dev set,
 * and a held-out set written separately for this engine in different wording. Both
 * figures are printed so drift is visible in every run.
 */

// A copy of the shared dev set (../shared/data/element-dev.jsonl), so a clone anywhere can run it.
const DEV_SET = path.resolve(process.cwd(), 'tests', 'unit', 'fixtures', 'element-dev.jsonl')
const HELD_OUT_SET = path.resolve(process.cwd(), 'tests', 'unit', 'fixtures', 'element-heldout.jsonl')

interface Example {
  text: string
  element: Element
}

function readExamples(file: string): Example[] {
  if (!existsSync(file)) throw new Error(`Labelled set not found at ${file}; the accuracy check needs it.`)
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, number) => {
      const row = JSON.parse(line) as { text?: unknown; element?: unknown }
      if (typeof row.text !== 'string') throw new Error(`${file}:${number + 1} has no text`)
      return { text: row.text, element: elementSchema.parse(row.element) }
    })
}

function evaluate(name: string, examples: Example[]): number {
  const confusion = Object.fromEntries(
    ELEMENTS.map((expected) => [expected, Object.fromEntries(ELEMENTS.map((got) => [got, 0]))]),
  ) as Record<Element, Record<Element, number>>
  let correct = 0
  for (const example of examples) {
    const got = detectElement(example.text).element
    confusion[example.element][got] += 1
    if (got === example.element) correct += 1
  }
  const accuracy = correct / examples.length
  const rows = ELEMENTS.map(
    (expected) => `  ${expected.padEnd(7)} -> ${ELEMENTS.map((got) => `${got}:${confusion[expected][got]}`).join(' ')}`,
  )
  console.log(`${name} accuracy: ${accuracy.toFixed(2)} (${correct}/${examples.length})\n${rows.join('\n')}`)
  return accuracy
}

describe('offline element detector accuracy', () => {
  it('reads the shared element-dev set at or above 0.6', () => {
    const examples = readExamples(DEV_SET)
    expect(examples.length).toBeGreaterThan(0)
    expect(evaluate('element-dev', examples)).toBeGreaterThanOrEqual(0.6)
  })

  it('reads the held-out set at or above 0.7', () => {
    const examples = readExamples(HELD_OUT_SET)
    expect(examples.length).toBeGreaterThanOrEqual(40)
    expect(evaluate('element-heldout', examples)).toBeGreaterThanOrEqual(0.7)
  })
})
