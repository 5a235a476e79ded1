import { describe, expect, it } from 'vitest'
import { composeGroundedAnswer, type GroundedAnswerInput } from '@/lib/ai/offline/responder'

const passages: GroundedAnswerInput['passages'] = [
  {
    index: 1,
    title: 'Billing policy',
    content:
      '# Billing\nInvoices are sent on the first day of each month. ' +
      'Unpaid invoices incur a late fee of five percent after thirty days. ' +
      'We accept bank transfer and card payments.',
    score: 0.82,
  },
  {
    index: 2,
    title: 'Studio hours',
    content: 'The studio opens at seven in the morning. Yoga classes meet on Tuesdays and Thursdays.',
    score: 0.41,
  },
]

function input(overrides: Partial<GroundedAnswerInput> = {}): GroundedAnswerInput {
  return {
    question: 'What late fee applies to an unpaid invoice?',
    passages,
    voice: { assistantName: 'Sage', tone: 'warm' },
    reading: { element: 'earth', phase: 1, facetName: 'Earth 1 — Seed of Form', guidance: 'Be concrete.' },
    ...overrides,
  }
}

describe('composeGroundedAnswer', () => {
  it('quotes the sentence that answers the question and cites its passage', () => {
    const answer = composeGroundedAnswer(input())
    expect(answer).toContain('Unpaid invoices incur a late fee of five percent after thirty days. [1]')
    expect(answer).not.toContain('Yoga classes')
  })

  it('picks at least two sentences when the passages offer them', () => {
    const answer = composeGroundedAnswer(input({ question: 'When are invoices sent and what if an invoice is unpaid?' }))
    const citedLines = answer.split('\n').filter((line) => /\[\d+\]$/.test(line))
    expect(citedLines.length).toBeGreaterThanOrEqual(2)
    expect(citedLines.length).toBeLessThanOrEqual(4)
  })

  it('cites each sentence with the index of the passage it came from', () => {
    const answer = composeGroundedAnswer(input({ question: 'When do yoga classes meet, and what is the late fee?' }))
    expect(answer).toContain('Yoga classes meet on Tuesdays and Thursdays. [2]')
    expect(answer).toContain('late fee of five percent after thirty days. [1]')
  })

  it('quotes a short list of cases whole when one of its items is picked, so the case asked about is there', () => {
    const leave: GroundedAnswerInput['passages'] = [
      {
        index: 1,
        title: 'Sick leave',
        content: 'Every employee accrues four hours of sick leave per pay period, however long they have worked here.',
        score: 0.6,
      },
      {
        index: 2,
        title: 'Leave types',
        content:
          'Annual leave accrues based on how long you have worked for the agency:\n\n' +
          '* Fewer than 3 years: 4 hours per pay period\n* Between 3 and 15 years: 6 hours per pay period\n* 15+ years: 8 hours per pay period',
        score: 0.55,
      },
    ]
    const answer = composeGroundedAnswer(
      input({ question: 'I have worked here for five years. How fast do I accrue annual leave?', passages: leave }),
    )
    expect(answer).toContain('Between 3 and 15 years: 6 hours per pay period [2]')
    expect(answer).toContain('Annual leave accrues based on how long you have worked for the agency: [2]')
  })

  it('says plainly that nothing is relevant when the passages do not touch the question', () => {
    const answer = composeGroundedAnswer(input({ question: 'Can I bring my dog to the parking garage?' }))
    expect(answer).toMatch(/knowledge base holds nothing relevant to this question/)
    expect(answer).not.toMatch(/\[\d+\]/)
  })

  it('says nothing is relevant when no passage was retrieved', () => {
    const answer = composeGroundedAnswer(input({ passages: [] }))
    expect(answer).toMatch(/nothing relevant/)
    expect(answer).toMatch(/rephras/)
  })

  it('opens differently for each element of the reading', () => {
    const openers = (['fire', 'water', 'earth', 'air', 'aether'] as const).map((element) => {
      const answer = composeGroundedAnswer(input({ reading: { element, phase: 1, facetName: '', guidance: '' } }))
      return answer.split('\n\n')[0]
    })
    expect(new Set(openers).size).toBe(5)
  })

  it('opens differently for each phase of one element', () => {
    const openers = ([1, 2, 3] as const).map((phase) => {
      const answer = composeGroundedAnswer(input({ reading: { element: 'fire', phase, facetName: '', guidance: '' } }))
      return answer.split('\n\n')[0]
    })
    expect(new Set(openers).size).toBe(3)
  })

  it("frames the answer with the tenant's greeting and sign-off", () => {
    const answer = composeGroundedAnswer(
      input({ voice: { assistantName: 'Sage', tone: 'warm', greeting: 'Hello there.', signoff: 'With care, Sage' } }),
    )
    expect(answer.startsWith('Hello there.')).toBe(true)
    expect(answer.endsWith('With care, Sage')).toBe(true)
  })

  it('labels the answer as offline', () => {
    expect(composeGroundedAnswer(input())).toMatch(/offline mode/)
  })

  it('gives the same answer for the same input', () => {
    expect(composeGroundedAnswer(input())).toBe(composeGroundedAnswer(input()))
  })
})

describe('composeGroundedAnswer on structured passages', () => {
  const voice = { assistantName: 'Sage', tone: 'warm' }
  const reading = { element: 'water', phase: 1, facetName: 'Water 1', guidance: 'Be gentle.' } as const

  it('quotes the sentence holding the value asked for rather than one repeating the question', () => {
    const answer = composeGroundedAnswer({
      question: 'What temperature should my bedroom be for sleep?',
      passages: [
        {
          index: 1,
          title: 'Sleep foundations',
          content: 'Your bedroom matters for sleep. A good sleep bedroom is a calm bedroom.\n\nKeep the room cool, around 18 °C, and dark.',
          score: 0.6,
        },
      ],
      voice,
      reading,
    })
    expect(answer).toContain('18 °C')
  })

  it('renders a table it quotes intact and cites it', () => {
    const table = '| Service | Fee |\n| --- | --- |\n| Consultation | $250 |\n| Will drafting | $900 |'
    const answer = composeGroundedAnswer({
      question: 'What is the fee for will drafting?',
      passages: [{ index: 2, title: 'Fees', content: `## Fees\n\n${table}`, score: 0.7 }],
      voice,
      reading,
    })
    expect(answer).toContain(`${table}\n\n[2]`)
  })

  it('brings the whole list of steps when asked how to do something', () => {
    const answer = composeGroundedAnswer({
      question: 'How do I request parental leave?',
      passages: [
        {
          index: 1,
          title: 'Parental leave',
          content: 'To request parental leave:\n1. Fill in the request form.\n2. Send it to your supervisor.\n3. Upload it to HR Links.',
          score: 0.7,
        },
      ],
      voice,
      reading,
    })
    expect(answer).toMatch(
      /1\. Fill in the request form\. \[1\]\n2\. Send it to your supervisor\. \[1\]\n3\. Upload it to HR Links\. \[1\]/,
    )
  })

  it("never opens a formal tenant's answer with the reading's mystical opener", () => {
    const passages = [{ index: 1, title: 'Fees', content: 'An initial consultation costs $250 and lasts one hour.', score: 0.8 }]
    const formal = composeGroundedAnswer({
      question: 'How much is a consultation?',
      passages,
      voice: { assistantName: 'Counsel', tone: 'formal' },
      reading,
    })
    const warm = composeGroundedAnswer({ question: 'How much is a consultation?', passages, voice, reading })
    expect(formal.split('\n\n')[0]).toBe('Here is what our documentation says.')
    expect(warm.split('\n\n')[0]).not.toBe(formal.split('\n\n')[0])
  })

  it('says the passage is only the closest match when most of the question is not in it', () => {
    const answer = composeGroundedAnswer({
      question: 'Which submarine warranty covers underwater propellers?',
      passages: [{ index: 1, title: 'Warranty', content: 'Our warranty covers laptops for two years.', score: 0.4 }],
      voice,
      reading,
    })
    expect(answer).toMatch(/closest the knowledge base comes/)
  })
})

describe('composeGroundedAnswer for a question about what the assistant knows', () => {
  it('lists the topics of the passages it was given, each cited', () => {
    const answer = composeGroundedAnswer(input({ question: 'What can you help me with?' }))
    expect(answer).toContain('- Billing policy [1]\n- Studio hours [2]')
    expect(answer).not.toMatch(/nothing relevant/)
  })
})

describe('composeGroundedAnswer in the question language', () => {
  const french: GroundedAnswerInput['passages'] = [
    {
      index: 1,
      title: 'Préparer le jeu de données',
      content: "L'encodage d'un fichier est la norme utilisée pour coder chaque caractère. Nous recommandons l'encodage UTF-8.",
      score: 0.8,
    },
  ]

  it('frames a French question answer in French, quoting the passage unchanged', () => {
    const answer = composeGroundedAnswer(
      input({ question: 'Quel encodage est recommandé pour un fichier ?', passages: french, contentLanguage: 'french' }),
    )
    expect(answer).toContain("Nous recommandons l'encodage UTF-8. [1]")
    expect(answer).toContain('fonctionne hors ligne')
    expect(answer).not.toMatch(/offline mode|Let us|Here is/)
  })

  it('declines in French when nothing in the passages fits a French question', () => {
    const answer = composeGroundedAnswer(input({ question: 'Combien coûte le stationnement du parking ?', passages: french }))
    expect(answer).toContain('La base de connaissances ne contient rien qui réponde à cette question.')
  })

  it('answers an English question in English on a French tenant', () => {
    const answer = composeGroundedAnswer(input({ contentLanguage: 'french' }))
    expect(answer).toContain('is in offline mode')
  })

  it('gives a formal tone written in French the plain opener', () => {
    const answer = composeGroundedAnswer(
      input({
        question: 'Quel encodage est recommandé pour un fichier ?',
        passages: french,
        voice: { assistantName: 'Lex', tone: 'sobre et précis' },
      }),
    )
    expect(answer).toContain('Voici ce que dit notre documentation.')
  })
})
