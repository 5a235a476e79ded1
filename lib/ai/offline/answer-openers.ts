import type { Element, Phase } from '@/lib/engine/elements'
import type { AnswerFrame } from './answer-frames'

// A tenant writes its tone in its own language.
const FORMAL_TONE =
  /\b(formal|professional|precise|authoritative|legal|corporate|business|crisp|concise|direct|technical|neutral|factual|clear|efficient|serious|sober|formel|professionnel|précis|juridique|sérieux|sobre|factuel|förmlich|sachlich|professionell|präzise|seriös|juristisch|profesional|preciso|jurídico|serio|técnico)/i

/**
 * How the offline answer opens. The tenant's voice comes first: a formal or businesslike
 * tone gets a plain opener whatever the reading, since a law firm's fee question must not
 * open with a meditation. Warmer tones open by the engine's reading: fire moves toward a
 * step, water speaks to feeling, earth gets practical, air clarifies, aether connects; the
 * phase shifts each from beginning, through difficulty, to mastery. Weak evidence always
 * opens by saying so.
 */
export function openerFor(frame: AnswerFrame, tone: string, element: Element, phase: Phase, weakEvidence: boolean): string {
  if (weakEvidence) return frame.weak
  return FORMAL_TONE.test(tone) ? frame.plain : frame.openers[element][phase]
}
