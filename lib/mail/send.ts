import nodemailer, { type Transporter } from 'nodemailer'
import { AppError } from '@/lib/errors'
import { config } from '@/lib/env'
import { getDatabase, withService } from '@/lib/db'

export type MailMessage = { to: string; subject: string; text: string }

let smtp: { url: string; transporter: Transporter } | undefined

// nodemailer reads host, port, TLS (smtps://) and credentials from the URL itself.
function transporterFor(url: string): Transporter {
  if (smtp?.url !== url) smtp = { url, transporter: nodemailer.createTransport(url) }
  return smtp.transporter
}

/**
 * Sends one plain-text mail: over SMTP when SMTP_URL is set, otherwise into the local
 * outbox (and the server log), so a machine without a mail server still works. Called
 * after the transaction that created the token has committed.
 */
export async function sendMail(message: MailMessage): Promise<void> {
  const env = config()
  if (env.SMTP_URL) {
    try {
      await transporterFor(env.SMTP_URL).sendMail({ from: env.MAIL_FROM, ...message })
    } catch (cause) {
      throw new AppError('unavailable', 'The mail could not be sent. Try again shortly.', { cause })
    }
    return
  }
  await withService(await getDatabase(), (tx) =>
    tx.query('insert into public.mail_outbox (to_address, subject, text_body) values ($1, $2, $3)', [
      message.to,
      message.subject,
      message.text,
    ]),
  )
  console.info(`[mail] outbox (no SMTP_URL): to ${message.to}: ${message.subject}\n${message.text}`)
}
