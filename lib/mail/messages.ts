import type { MailMessage } from './send'

/*
 * The platform's mails. Scripts and clients read the links from the text part:
 * `<origin>/verify-email?token=<token>` and `<origin>/invite/<token>`.
 */

export function verificationMail(to: string, origin: string, token: string): MailMessage {
  return {
    to,
    subject: 'Verify your email address',
    text: [
      'Someone (hopefully you) created an account with this email address.',
      'To confirm that this mailbox is yours, open this link within 24 hours:',
      '',
      `${origin}/verify-email?token=${token}`,
      '',
      'If it was not you, ignore this mail: the account stays unusable without this link.',
    ].join('\n'),
  }
}

export function accountExistsMail(to: string, origin: string): MailMessage {
  return {
    to,
    subject: 'Someone tried to create an account with your address',
    text: [
      'An account with this email address already exists, and someone just tried to create another one.',
      'If it was you, sign in instead:',
      '',
      `${origin}/login`,
      '',
      'If it was not you, you can ignore this mail; nothing was changed.',
    ].join('\n'),
  }
}

const roleNames = { admin: 'an admin', user: 'a member', viewer: 'a viewer' } as const

export function invitationMail(
  to: string,
  input: { acceptUrl: string; tenantName: string; role: keyof typeof roleNames; expiresAt: string },
): MailMessage {
  return {
    to,
    subject: `You are invited to ${input.tenantName}`,
    text: [
      `You are invited to join ${input.tenantName} as ${roleNames[input.role]}.`,
      'Open this link to accept (sign in or create an account with this email address):',
      '',
      input.acceptUrl,
      '',
      `The invitation expires ${new Date(input.expiresAt).toUTCString()}.`,
    ].join('\n'),
  }
}
