import { Alert } from '@/components/ui/alert'
import { Card, PageHeader } from '@/components/ui/card'
import { config } from '@/lib/env'
import { formatDateTime } from '@/lib/client/format'
import { listOutbox } from '@/lib/mail/outbox'
import { requirePlatformAdmin } from '../_data/console-actor'

export const metadata = { title: 'Outbox' }

/**
 * Without SMTP_URL the platform's mail (verification links, invitations) lands here and
 * in the server log, so a machine with no mail server still works end to end.
 */
export default async function OutboxPage() {
  const { caller } = await requirePlatformAdmin()
  if (config().modes.mail === 'smtp') {
    return (
      <>
        <PageHeader title="Outbox" />
        <Alert tone="info">Mail goes out through the SMTP server in SMTP_URL; nothing is kept here.</Alert>
      </>
    )
  }
  const mails = await listOutbox(caller)
  return (
    <>
      <PageHeader title="Outbox" description="No SMTP_URL is set: the mail the platform would send, newest first." />
      {mails.length === 0 ? <Alert tone="info">No mail yet.</Alert> : null}
      <ol aria-label="Mail" className="space-y-3">
        {mails.map((mail) => (
          <li key={mail.id}>
            <Card className="p-4">
              <article aria-label={`Mail to ${mail.to}: ${mail.subject}`}>
                <p className="text-sm text-stone-600">
                  To <span className="font-medium text-stone-900">{mail.to}</span> · {formatDateTime(mail.createdAt)}
                </p>
                <h2 className="mt-1 font-semibold text-stone-900">{mail.subject}</h2>
                <pre className="mt-2 whitespace-pre-wrap break-all text-sm text-stone-800">{mail.text}</pre>
              </article>
            </Card>
          </li>
        ))}
      </ol>
    </>
  )
}
