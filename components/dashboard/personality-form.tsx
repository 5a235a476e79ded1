'use client'

import type { ReactNode } from 'react'
import { SelectField, TextArea, TextField } from '@/components/ui/field'
import { ELEMENTS, type Element } from '@/lib/engine/elements'
import { MAX_SUGGESTED } from '@/lib/engine/voice'
import { fieldError, type PersonalityDraft } from './personality-draft'

type Props = { draft: PersonalityDraft; onChange: (draft: PersonalityDraft) => void; fields: Record<string, string> }

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <fieldset className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm sm:p-5">
      {/* Floated, the legend sits inside the card like a heading instead of on its border. */}
      <legend className="float-left mb-1 w-full text-base font-semibold text-stone-900">{title}</legend>
      <div className="clear-both space-y-4">
        {description ? <p className="text-sm text-stone-600">{description}</p> : null}
        {children}
      </div>
    </fieldset>
  )
}

/** The personality's fields; lists are one item per line. Purely controlled: the editor owns the draft. */
export function PersonalityForm({ draft, onChange, fields }: Props) {
  const set = <K extends keyof PersonalityDraft>(key: K, value: PersonalityDraft[K]) => onChange({ ...draft, [key]: value })
  const err = (path: string) => fieldError(fields, path)
  return (
    <div className="space-y-5">
      <Section title="Assistant">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Name"
            value={draft.name}
            onChange={(e) => set('name', e.target.value)}
            error={err('maiaPersonality.name')}
            maxLength={80}
          />
          <TextField
            label="Response style"
            value={draft.responseStyle}
            onChange={(e) => set('responseStyle', e.target.value)}
            error={err('maiaPersonality.responseStyle')}
            hint="e.g. balanced, brief, thorough"
          />
        </div>
      </Section>

      <Section title="Brand voice" description="How the assistant sounds: your organisation's tone, not the engine's.">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Tone"
            value={draft.tone}
            onChange={(e) => set('tone', e.target.value)}
            error={err('brandVoice.tone')}
            hint="e.g. warm, precise, playful"
          />
          <TextField
            label="Style"
            value={draft.style}
            onChange={(e) => set('style', e.target.value)}
            error={err('brandVoice.style')}
            hint="e.g. clear and concise"
          />
        </div>
        <TextArea
          label="Values"
          rows={3}
          value={draft.values}
          onChange={(e) => set('values', e.target.value)}
          error={err('brandVoice.values')}
          hint="One per line."
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Greeting"
            value={draft.greeting}
            onChange={(e) => set('greeting', e.target.value)}
            error={err('brandVoice.greeting')}
            hint="Shown on your chat page and used to open answers."
          />
          <TextField
            label="Sign-off"
            value={draft.signoff}
            onChange={(e) => set('signoff', e.target.value)}
            error={err('brandVoice.signoff')}
          />
        </div>
        <TextArea
          label="Suggested questions"
          rows={3}
          value={draft.suggestedQuestions}
          onChange={(e) => set('suggestedQuestions', e.target.value)}
          error={err('brandVoice.suggestedQuestions')}
          hint={`One per line, up to ${MAX_SUGGESTED}: offered on the empty chat. Left empty, they are suggested from your documents' titles and headings.`}
        />
      </Section>

      <Section title="Focus">
        <TextArea
          label="Specialty areas"
          rows={3}
          value={draft.specialtyAreas}
          onChange={(e) => set('specialtyAreas', e.target.value)}
          error={err('maiaPersonality.specialtyAreas')}
          hint="One per line."
        />
        <TextArea
          label="Prohibited topics"
          rows={3}
          value={draft.prohibitedTopics}
          onChange={(e) => set('prohibitedTopics', e.target.value)}
          error={err('maiaPersonality.prohibitedTopics')}
          hint="One per line. The assistant declines these politely."
        />
      </Section>

      <Section
        title="Elemental signature"
        description="The elements your organisation leans toward; they colour the voice lightly and your site's accent."
      >
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label="Primary element"
            value={draft.primary}
            onChange={(e) => set('primary', e.target.value as Element)}
            error={err('elementalSignature.primary')}
          >
            {ELEMENTS.map((element) => (
              <option key={element} value={element}>
                {element}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Secondary element"
            value={draft.secondary}
            onChange={(e) => set('secondary', e.target.value as Element | '')}
            error={err('elementalSignature.secondary')}
          >
            <option value="">None</option>
            {ELEMENTS.map((element) => (
              <option key={element} value={element}>
                {element}
              </option>
            ))}
          </SelectField>
        </div>
      </Section>

      <Section title="Phase guidance" description="Extra guidance for conversations the engine reads as each element.">
        {ELEMENTS.map((element) => (
          <TextArea
            key={element}
            label={<span className="capitalize">{element}</span>}
            rows={2}
            value={draft.phaseGuidance[element]}
            onChange={(e) => set('phaseGuidance', { ...draft.phaseGuidance, [element]: e.target.value })}
            error={err(`maiaPersonality.phaseGuidance.${element}`)}
          />
        ))}
      </Section>
    </div>
  )
}
