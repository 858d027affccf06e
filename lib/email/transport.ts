// The SMTP connection: nodemailer over SMTP_URL (every provider offers SMTP). One transporter per process and URL.
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";
import type { RenderedMail } from "./render";

export type OutgoingMail = RenderedMail & { id: string; to: string };

/** What delivery needs from a mail server: send one mail, or throw. */
export type MailTransport = { send: (mail: OutgoingMail) => Promise<void> };

type TransportCache = typeof globalThis & { __agoraSmtp?: { url: string; transporter: Transporter } };
const g = globalThis as TransportCache;

function transporterFor(url: string): Transporter {
  if (g.__agoraSmtp?.url !== url) {
    g.__agoraSmtp?.transporter.close();
    // Short timeouts: a hung server must not hold a claimed batch past its lease; the mail is retried later.
    g.__agoraSmtp = {
      url,
      transporter: nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }),
    };
  }
  return g.__agoraSmtp.transporter;
}

/** The configured SMTP transport, or null when SMTP_URL is unset (development: mail stays in the outbox). */
export function smtpTransport(): MailTransport | null {
  const e = env();
  if (!e.SMTP_URL) return null;
  const transporter = transporterFor(e.SMTP_URL);
  const from = e.EMAIL_FROM ?? `Agora <no-reply@${new URL(e.appUrl).hostname}>`;
  const domain = new URL(e.appUrl).hostname;
  return {
    async send(mail) {
      await transporter.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
        // Stable per outbox row, so a receiving system can tell a resend (after a lost acknowledgement) from a new mail.
        messageId: `<${mail.id}@${domain}>`,
      });
    },
  };
}
