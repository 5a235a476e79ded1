import { makePdf, sampleProse } from '../../support/fixtures'
import { makeZip } from '../../support/zip'

/** The tenant's PDF: facts only this document holds, so a cited answer proves where it came from. */
export const PDF = {
  name: 'aurora-cove-guest-policies.pdf',
  question: 'What time is check-in at Aurora Cove, and are pets allowed?',
  fact: /3 pm|pets/i,
  async bytes(): Promise<Buffer> {
    const pages = [
      'Aurora Cove guest policies. Check-in at Aurora Cove starts at 3 pm and check-out is at 11 am. ' +
        'Guests arriving after 10 pm should call the Aurora Cove front desk before travelling. ' +
        'Pets are welcome in the Aurora Cove garden suites for a cleaning fee of 40 dollars per night.',
      'Breakfast at Aurora Cove is served in the lighthouse room from 7 am to 10 am. ' +
        'The Aurora Cove spa asks guests to book treatments at least one day ahead.',
    ]
    return Buffer.from(await makePdf(pages))
  },
}

/** A Markdown document carrying a script tag and script links: rendering it must run nothing. */
export const HOSTILE_MARKDOWN = {
  name: 'harbour-lantern-notes.md',
  question: 'What colour is the harbour lantern?',
  text: [
    '# Harbour lantern notes',
    '',
    'The harbour lantern is painted cobalt blue and is lit at dusk every evening.',
    '',
    '<script>window.__pwned = "script"</script>',
    '',
    '<img src="x" onerror="window.__pwned = \'img\'">',
    '',
    "The harbour lantern keeper answers questions about the lantern [on the lantern page](javascript:window.__pwned='link').",
  ].join('\n'),
}

/** A .zip of 60 short notes: a bulk import whose jobs take long enough to watch. */
export const NOTES_ZIP = {
  name: 'team-notes.zip',
  count: 60,
  bytes(): Buffer {
    const entries = Array.from({ length: 60 }, (_, i) => ({
      name: `notes/note-${i + 1}.md`,
      data: Buffer.from(`# Team note ${i + 1}\n\n${sampleProse(300, 100 + i)}`),
    }))
    return Buffer.from(makeZip(entries))
  },
}
