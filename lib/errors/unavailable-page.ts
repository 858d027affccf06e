// The page the proxy answers while the database is known to be unreachable (db/availability): a 503 a person
// understands, with the request id support asks for, a way to try again, and Retry-After for browsers and balancers.
// Self-contained HTML (no scripts, no stylesheet request): it must render when nothing else of the app can.
import { RETRY_AFTER_SECONDS } from "@/db/availability";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Its Content-Security-Policy: it has no script, loads nothing and posts nowhere. */
export const UNAVAILABLE_PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const UNAVAILABLE_HEADING = "Agora is briefly unavailable";

/** The 503 for a page request; `path` is the page asked for (path and query, on this site), offered as "Try again". */
export function unavailablePage(requestId: string, path: string, method: string): Response {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${UNAVAILABLE_HEADING} · Agora</title>
<style>
body{margin:0;font-family:ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#0f172a;background:#f8fafc}
main{max-width:28rem;margin:0 auto;padding:4rem 1.5rem;text-align:center}
h1{font-size:1.5rem;margin:0 0 .75rem}
p{color:#475569;line-height:1.5;margin:.5rem 0}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.875rem}
a{display:inline-block;margin-top:1.5rem;padding:.5rem 1rem;border-radius:.5rem;background:#4f46e5;color:#fff;text-decoration:none;font-weight:600}
</style>
</head>
<body>
<main>
<h1>${UNAVAILABLE_HEADING}</h1>
<p>We can't reach our database right now, so this page can't be shown. Nothing you bought or saved is lost. Please try again in a minute.</p>
<p>If it keeps happening, tell support this request id. Request id: <code>${escapeHtml(requestId)}</code></p>
<a href="${escapeHtml(path)}">Try again</a>
</main>
</body>
</html>
`;
  return new Response(method === "HEAD" ? null : html, {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Retry-After": String(RETRY_AFTER_SECONDS),
    },
  });
}
