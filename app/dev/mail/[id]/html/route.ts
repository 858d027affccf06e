// GET /dev/mail/[id]/html — development only (404 in production): one mail's HTML part on its own, as a mail
// client shows it.
import { getDb } from "@/db/client";
import { devMail, devMailPageEnabled } from "@/lib/email/dev-outbox";
import { observedRoute } from "@/lib/observability/observed-route";

export const dynamic = "force-dynamic";

export const GET = observedRoute("dev/mail/[id]/html", async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (!devMailPageEnabled()) return notFound();
  const mail = await devMail(await getDb(), (await params).id);
  if (!mail?.rendered) return notFound();
  return new Response(mail.rendered.html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
});
