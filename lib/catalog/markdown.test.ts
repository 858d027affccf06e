// Listing descriptions are markdown from creators: the XSS corpus (e2e/xss-corpus.ts, also rendered in Chromium by
// e2e/xss.spec.ts) must come out of renderMarkdown as the allowed formatting tags only, with safe links, and with the
// payload's words still readable as text.
import { describe, expect, it } from "vitest";
import { XSS_CORPUS } from "@/e2e/xss-corpus";
import { markdownToText, renderMarkdown } from "./markdown";

const ALLOWED: Record<string, string[]> = {
  p: [],
  br: [],
  hr: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  strong: [],
  em: [],
  del: [],
  code: [],
  pre: [],
  blockquote: [],
  ul: [],
  ol: ["start"],
  li: [],
  a: ["href", "title", "rel", "target"],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ["align"],
  td: ["align"],
};

type Tag = { name: string; attributes: [string, string][] };

/**
 * Every tag the browser would see in this HTML. A browser starts markup at any "<" followed by a letter, "/", "!" or
 * "?", so each of those must be a well-formed tag here (anything else would be a parse the page did not intend).
 */
function tagsOf(html: string): Tag[] {
  const tags: Tag[] = [];
  const starts = [...html.matchAll(/<[a-zA-Z/!?]/g)].map((m) => m.index);
  for (const start of starts) {
    const m = /^<\/?([a-z][a-z0-9]*)((?:\s+[a-z-]+(?:="[^"<>]*")?)*)\s*\/?>/.exec(html.slice(start));
    if (!m) throw new Error(`markup that is not a plain tag at ${start}: ${html.slice(start, start + 60)}`);
    const attributes = [...m[2].matchAll(/\s+([a-z-]+)(?:="([^"]*)")?/g)].map((a): [string, string] => [a[1], a[2] ?? ""]);
    tags.push({ name: m[1], attributes });
  }
  return tags;
}

/** The text a browser shows for this HTML (tags dropped, the entities sanitize-html writes decoded). */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

function expectOnlySafeMarkup(html: string) {
  for (const tag of tagsOf(html)) {
    expect(Object.keys(ALLOWED), `<${tag.name}>`).toContain(tag.name);
    for (const [name, value] of tag.attributes) {
      expect(ALLOWED[tag.name], `${name} on <${tag.name}>`).toContain(name);
      if (name === "href") expect(value, "link target").toMatch(/^(https?:\/\/|mailto:)/);
    }
  }
}

describe("renderMarkdown with the XSS corpus", () => {
  it.each(XSS_CORPUS.map((p) => [p.n, p.attack, p] as const))("payload %i (%s) leaves only formatting tags and safe links", (_n, _attack, p) => {
    const html = renderMarkdown(p.text);
    expectOnlySafeMarkup(html);
    expect(html).not.toMatch(/<(script|img|svg|iframe|object|embed|style|base|meta|input|details|math|form|noscript)\b/i);
    expect(textOf(html)).toContain(p.markdownShows);
  });

  it("keeps every payload's words as text when the whole corpus is one description", () => {
    const html = renderMarkdown(XSS_CORPUS.map((p) => p.text).join("\n\n"));
    expectOnlySafeMarkup(html);
    const text = textOf(html);
    for (const p of XSS_CORPUS) expect(text, `payload ${p.n}`).toContain(p.markdownShows);
  });

  it("still renders ordinary formatting and http links", () => {
    const html = renderMarkdown("# Title\n\nSome **bold** and a [link](https://example.com).");
    expect(html).toContain("<h2>Title</h2>");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain('<a href="https://example.com" rel="nofollow noopener noreferrer" target="_blank">link</a>');
  });
});

describe("markdownToText", () => {
  it("gives plain text, not HTML: markup and entities come out as the characters a person typed", () => {
    expect(markdownToText("<img src=x onerror=alert(1)> & \"quotes\" 'too' **bold**")).toBe("<img src=x onerror=alert(1)> & \"quotes\" 'too' bold");
  });

  it.each(XSS_CORPUS.map((p) => [p.n, p] as const))("payload %i reads as its text, with no entity left in it", (_n, p) => {
    const text = markdownToText(p.text);
    expect(text).not.toMatch(/&(lt|gt|amp|quot|#39);/);
    // Images are not allowed in descriptions: the page shows an escaped "<img />", the plain text leaves them out.
    if (!p.markdownShows.startsWith("<img")) expect(text).toContain(p.markdownShows.replace(/\s+/g, " ").trim());
  });
});
