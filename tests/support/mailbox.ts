import type { AddressInfo } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import selfsigned from 'selfsigned'
import { SMTPServer } from 'smtp-server'
import { withService, type Database } from '@/lib/db'

/*
 * Where tests read the platform's mail: the local outbox (no SMTP_URL), or a real SMTP
 * server in the test process that receives what nodemailer sends.
 */

export const VERIFY_LINK = /(https?:\/\/[^\s/]+)\/verify-email\?token=([A-Za-z0-9_-]{43})/
export const INVITE_LINK = /(https?:\/\/[^\s/]+(?:\/t\/[a-z0-9-]+)?)\/invite\/([A-Za-z0-9_-]{43})/

export type Mail = { to: string; subject: string; text: string }

/** The mails in the outbox for an address, newest first. */
export async function outboxFor(db: Database, to: string): Promise<Mail[]> {
  return withService(db, (tx) =>
    tx.query<Mail>(
      'select to_address as "to", subject, text_body as text from public.mail_outbox where to_address = $1 order by created_at desc',
      [to],
    ),
  )
}

/** The token of the newest link of this kind mailed to `to` through the outbox. */
export async function mailedToken(db: Database, to: string, link: RegExp): Promise<string> {
  for (const mail of await outboxFor(db, to)) {
    const token = link.exec(mail.text)?.[2]
    if (token) return token
  }
  throw new Error(`no mail to ${to} carries a link like ${link}`)
}

export type SmtpInbox = { url: string; mails: (ParsedMail & { envelopeTo: string[] })[]; close(): Promise<void> }

/** An SMTP server on loopback; `credentials` makes it demand AUTH with them. */
/**
 * An SMTP server in this process that keeps what it receives. `implicitTls` serves
 * smtps:// (TLS from the first byte) with a certificate made for the occasion; the URL
 * then tells the client to accept it (`tls.rejectUnauthorized=false`, a nodemailer URL option).
 */
export async function startSmtpInbox(credentials?: { user: string; pass: string }, implicitTls = false): Promise<SmtpInbox> {
  const mails: SmtpInbox['mails'] = []
  const tls = implicitTls ? await selfsigned.generate([{ name: 'commonName', value: '127.0.0.1' }]) : null
  const server = new SMTPServer({
    ...(tls ? { secure: true, key: tls.private, cert: tls.cert } : {}),
    disabledCommands: credentials ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !credentials,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === credentials?.user && auth.password === credentials?.pass) callback(null, { user: auth.username })
      else callback(new Error('Invalid username or password'))
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          mails.push(Object.assign(mail, { envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address) }))
          callback()
        },
        (error: Error) => callback(error),
      )
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  const auth = credentials ? `${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.pass)}@` : ''
  return {
    url: tls ? `smtps://${auth}127.0.0.1:${port}/?tls.rejectUnauthorized=false` : `smtp://${auth}127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
