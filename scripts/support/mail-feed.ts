// The journeys' window on the mail a production server sent: the SMTP sink's messages as JSON on a loopback port
// (the development mail page does not exist in production), both parts. Playwright reads it through E2E_MAIL_URL.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { ReceivedMail } from "@/lib/email/testing/smtp-sink";

export type MailFeed = { url: string; stop: () => Promise<void> };

export async function serveMailFeed(mails: () => ReceivedMail[]): Promise<MailFeed> {
  const server = http.createServer((_req, res) => {
    const body = mails().map((m) => ({ to: m.envelopeTo, subject: m.subject, text: m.text, html: m.html }));
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
