// Listing descriptions: markdown rendered with marked, then sanitized server-side (no raw HTML, safe links).
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

const marked = new Marked({ gfm: true, breaks: false, async: false });
// Raw HTML in the markdown source is shown as text, never passed through.
marked.use({
  renderer: {
    html({ text }) {
      return escapeHtml(text);
    },
  },
});

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "em",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
  ],
  allowedAttributes: { a: ["href", "title", "rel", "target"], th: ["align"], td: ["align"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  transformTags: {
    // A description's h1 would compete with the page title.
    h1: "h2",
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: "nofollow noopener noreferrer", target: "_blank" } }),
  },
  disallowedTagsMode: "escape",
};

/** Safe HTML for a listing description. */
export function renderMarkdown(source: string): string {
  const html = marked.parse(source.slice(0, 50_000)) as string;
  return sanitizeHtml(html, SANITIZE);
}

/** sanitize-html writes text HTML-escaped; plain text wants the characters back (React escapes them again). */
function decodeTextEntities(html: string): string {
  return html
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Plain text of a description (not HTML: escape it where it goes), for meta descriptions and structured data. */
export function markdownToText(source: string, max = 300): string {
  const text = decodeTextEntities(sanitizeHtml(marked.parse(source.slice(0, 5000)) as string, { allowedTags: [], allowedAttributes: {} }))
    .replace(/\s+/g, " ")
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
