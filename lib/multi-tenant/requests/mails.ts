import type { MailMessage } from '@/lib/mail/send'
import { sendMail } from '@/lib/mail/send'
import type { ResourceRequestKind } from '@/lib/contracts/requests'

/*
 * The mails that tell a requester the outcome, sent after the decision has committed (over
 * SMTP when it is configured, into the local outbox otherwise). A mail that cannot be sent
 * does not undo the decision: the outcome is on the requester's page either way.
 */

export async function notify(mail: MailMessage | null): Promise<void> {
  if (!mail) return
  try {
    await sendMail(mail)
  } catch (error) {
    console.warn(`[requests] the outcome mail to ${mail.to} was not sent:`, error instanceof Error ? error.message : error)
  }
}

const noteLines = (note: string | null) => (note ? ['', 'Their note:', note] : [])

export function accessDecisionMail(
  to: string,
  input: { tenantName: string; approved: boolean; role: string | null; note: string | null; siteUrl: string },
): MailMessage {
  return {
    to,
    subject: input.approved ? `You can now use ${input.tenantName}` : `Your request to join ${input.tenantName} was declined`,
    text: [
      input.approved
        ? `Your request to join ${input.tenantName} was approved: you are now ${input.role === 'admin' ? 'an admin' : `a ${input.role ?? 'user'}`} there.`
        : `The admins of ${input.tenantName} declined your request to join.`,
      ...noteLines(input.note),
      '',
      input.approved ? `Open ${input.siteUrl} and sign in.` : `You can ask again from ${input.siteUrl}.`,
    ].join('\n'),
  }
}

const kindNames: Record<ResourceRequestKind, string> = {
  plan: 'a plan change',
  limits: 'new limits',
  restricted_access: 'restricted access',
}

export function resourceDecisionMail(
  to: string,
  input: { tenantName: string; kind: ResourceRequestKind; approved: boolean; note: string | null; dashboardUrl: string },
): MailMessage {
  return {
    to,
    subject: `${input.tenantName}: your request for ${kindNames[input.kind]} was ${input.approved ? 'approved' : 'declined'}`,
    text: [
      input.approved
        ? `The platform approved ${kindNames[input.kind]} for ${input.tenantName}; it applies now.`
        : `The platform declined ${kindNames[input.kind]} for ${input.tenantName}.`,
      ...noteLines(input.note),
      '',
      `Your requests and their outcomes: ${input.dashboardUrl}`,
    ].join('\n'),
  }
}
