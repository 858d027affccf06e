// The look of every Agora email: content is written once as blocks, and both parts come from them, so the text
// part always says what the HTML part says (with every link spelled out). Table layout and inline styles only,
// which is what mail clients render.
import "server-only";
import { env } from "@/lib/env";

export type MailBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "button"; label: string; url: string }
  | { kind: "link"; label: string; url: string }
  | { kind: "facts"; rows: [label: string, value: string][] }
  | { kind: "quote"; label?: string; text: string };

export type MailContent = {
  subject: string;
  heading: string;
  blocks: MailBlock[];
  /** Why the person gets this mail and how to stop it (optional mail), shown small under the card. */
  footer?: MailBlock[];
};

export type RenderedParts = { subject: string; text: string; html: string };

const BRAND = "#4f46e5";
const INK = "#0f172a";
const MUTED = "#64748b";
const LINE = "#e2e8f0";
const PAGE = "#f8fafc";
const FONT = `ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif`;

/** An app path ("/library") as an absolute link on APP_URL; absolute URLs are kept as they are. */
export function appLink(pathOrUrl: string): string {
  if (/^https?:\/\//i.test(pathOrUrl)) return pathOrUrl;
  return `${env().appUrl}${pathOrUrl.startsWith("/") ? "" : "/"}${pathOrUrl}`;
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Paragraph text keeps its line breaks in HTML. */
const htmlText = (text: string) => escapeHtml(text).replace(/\r?\n/g, "<br>");

function blockHtml(block: MailBlock, small = false): string {
  const size = small ? "13px" : "15px";
  const color = small ? MUTED : INK;
  switch (block.kind) {
    case "paragraph":
      return `<p style="margin:0 0 16px;font-size:${size};line-height:1.6;color:${color}">${htmlText(block.text)}</p>`;
    case "button":
      return `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:8px 0 24px"><tr><td style="border-radius:8px;background:${BRAND}"><a href="${escapeHtml(appLink(block.url))}" style="display:inline-block;padding:12px 20px;font-size:15px;font-weight:600;color:#ffffff;text-decoration:none;border-radius:8px">${escapeHtml(block.label)}</a></td></tr></table>`;
    case "link":
      return `<p style="margin:0 0 16px;font-size:${size};line-height:1.6"><a href="${escapeHtml(appLink(block.url))}" style="color:${BRAND}">${escapeHtml(block.label)}</a></p>`;
    case "facts":
      return `<table role="presentation" cellpadding="0" cellspacing="0" width="100%" style="margin:0 0 20px;border-top:1px solid ${LINE}">${block.rows
        .map(
          ([label, value]) =>
            `<tr><td style="padding:8px 12px 8px 0;border-bottom:1px solid ${LINE};font-size:14px;color:${MUTED};white-space:nowrap;vertical-align:top">${escapeHtml(label)}</td><td style="padding:8px 0;border-bottom:1px solid ${LINE};font-size:14px;color:${INK};text-align:right">${htmlText(value)}</td></tr>`,
        )
        .join("")}</table>`;
    case "quote":
      return `${block.label ? `<p style="margin:0 0 6px;font-size:13px;font-weight:600;color:${MUTED};text-transform:uppercase;letter-spacing:.04em">${escapeHtml(block.label)}</p>` : ""}<div style="margin:0 0 20px;padding:12px 16px;border-left:3px solid ${BRAND};background:${PAGE};font-size:14px;line-height:1.6;color:${INK}">${htmlText(block.text)}</div>`;
  }
}

function blockText(block: MailBlock): string {
  switch (block.kind) {
    case "paragraph":
      return block.text;
    case "button":
    case "link":
      return `${block.label}: ${appLink(block.url)}`;
    case "facts": {
      const width = Math.max(...block.rows.map(([label]) => label.length));
      return block.rows.map(([label, value]) => `${`${label}:`.padEnd(width + 2)}${value}`).join("\n");
    }
    case "quote":
      return `${block.label ? `${block.label}:\n` : ""}${block.text
        .split(/\r?\n/)
        .map((line) => `> ${line}`)
        .join("\n")}`;
  }
}

/** Both parts of a mail from its content. */
export function renderParts(content: MailContent): RenderedParts {
  const home = appLink("/");
  const text = [
    content.heading,
    "",
    content.blocks.map(blockText).join("\n\n"),
    "",
    "—",
    `Agora · ${home}`,
    ...(content.footer?.length ? ["", content.footer.map(blockText).join("\n\n")] : []),
    "",
  ].join("\n");
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="color-scheme" content="light"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:0;background:${PAGE};font-family:${FONT}">
<table role="presentation" cellpadding="0" cellspacing="0" width="100%" style="background:${PAGE}"><tr><td align="center" style="padding:32px 16px">
<table role="presentation" cellpadding="0" cellspacing="0" width="100%" style="max-width:560px">
<tr><td style="padding:0 4px 16px"><a href="${escapeHtml(home)}" style="font-size:20px;font-weight:700;color:${BRAND};text-decoration:none">Agora</a></td></tr>
<tr><td style="background:#ffffff;border:1px solid ${LINE};border-radius:12px;padding:32px">
<h1 style="margin:0 0 20px;font-size:22px;line-height:1.3;color:${INK}">${escapeHtml(content.heading)}</h1>
${content.blocks.map((b) => blockHtml(b)).join("\n")}
</td></tr>
<tr><td style="padding:16px 4px 0">${(content.footer ?? []).map((b) => blockHtml(b, true)).join("\n")}<p style="margin:0;font-size:12px;color:${MUTED}">Agora — the marketplace for AI assets · <a href="${escapeHtml(home)}" style="color:${MUTED}">${escapeHtml(home.replace(/^https?:\/\//, "").replace(/\/$/, ""))}</a></p></td></tr>
</table>
</td></tr></table>
</body></html>
`;
  return { subject: content.subject, text, html };
}
