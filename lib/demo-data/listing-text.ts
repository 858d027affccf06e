// Public text of a seeded listing: markdown description, normalised tags, URL slug and length limits.
import type { Kind } from "@/lib/listings/kinds";
import type { ListingDraft } from "./kinds";
import type { Random } from "./random";

const STOP_WORDS = new Set([
  "a",
  "an",
  "and",
  "the",
  "for",
  "of",
  "to",
  "in",
  "on",
  "with",
  "by",
  "your",
  "edition",
  "questions",
  "variations",
  "prompts",
  "generator",
  "kit",
  "pack",
  "ready",
  "based",
]);

/** At most ten distinct lowercase tags, made of letters, digits and inner hyphens. */
export function normalizeTags(candidates: readonly string[]): string[] {
  const tags: string[] = [];
  for (const candidate of candidates) {
    const tag = candidate
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, "")
      .replace(/-+/g, "-")
      .replace(/^-|-$/g, "");
    if (tag.length < 2 || tag.length > 30 || /^\d+$/.test(tag) || STOP_WORDS.has(tag) || tags.includes(tag)) continue;
    tags.push(tag);
    if (tags.length === 10) break;
  }
  return tags;
}

/** A slug from the title plus a unique suffix: `cinematic-portrait-lighting-prompt-for-midjourney-0k3x9a2`. */
export function slugFor(title: string, uniqueSuffix: string): string {
  let base = title
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (base.length > 72) base = base.slice(0, 72).replace(/-[^-]*$/, "");
  return base ? `${base}-${uniqueSuffix}` : uniqueSuffix;
}

const EDITIONS = [" v2", " v3", " (2026 Update)", " – Starter Edition", " – Pro Edition", " + Bonus Examples", " – Lite", " – Extended"];

/** Many sellers publish editions of the same idea; some titles say which one this is. */
export function withEdition(title: string, rng: Random): string {
  if (!rng.chance(0.45) || /(\bv\d+|Vol\. \d+|Edition\)?|\bII)$/.test(title)) return title;
  const edition = rng.pick(EDITIONS);
  return title.length + edition.length <= 100 ? title + edition : title;
}

/** Cuts text at a word boundary so it fits `max` characters. */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(" ")).replace(/[\s,;:–-]+$/, "")}…`;
}

const OPENERS = [
  "Built from real projects and refined over dozens of iterations.",
  "Made for people who want great results without starting from a blank page.",
  "Tested on real work before it was listed, and updated whenever the tools change.",
  "A focused, no-filler asset that does one job well.",
  "Designed to save you an afternoon of trial and error.",
];

const FIT_NOTES: Record<Kind, readonly string[]> = {
  prompt: ["Works in any chat or image tool that accepts plain text prompts.", "Variables are plain text, so the prompt also works through the API."],
  preset: [
    "Settings are listed field by field, so you can recreate them by hand if import is not available.",
    "Adjust intensity to taste; the preset is a starting point, not a filter.",
  ],
  template: ["Plain JSON: no lock-in to a single app.", "Placeholder names are consistent, so find-and-replace works."],
  test: ["Questions are reviewed against the official exam guide.", "Scores are kept per attempt, so you can track progress."],
  model: ["File checksum is published so you can verify your download.", "Runs locally on consumer hardware with the recommended settings."],
};

/** The markdown description: intro, what's inside, how to use it and, for some listings, a note or two. */
export function describeListing(draft: ListingDraft, kind: Kind, rng: Random): string {
  const lines = [
    rng.pick(OPENERS),
    "",
    "## What's inside",
    ...draft.highlights.map((item) => `- ${item}`),
    "",
    "## How to use it",
    ...draft.steps.map((step, index) => `${index + 1}. ${step}`),
  ];
  if (rng.chance(0.5)) lines.push("", "## Good to know", `- ${rng.pick(FIT_NOTES[kind])}`, "- Every future version is included with your purchase.");
  return lines.join("\n");
}

// Words that keep their capital letter inside a sentence.
const PROPER_NOUNS = new Set([
  "English",
  "Spanish",
  "Python",
  "Excel",
  "Notion",
  "Etsy",
  "Instagram",
  "Google",
  "Midjourney",
  "Lightroom",
  "Socratic",
  "Victorian",
  "Scandinavian",
  "Tokyo",
  "Kodak",
  "Portra",
  "Nordic",
  "Pandas",
  "Sora",
  "Suno",
  "Kubernetes",
  "Azure",
  "Scrum",
  "Claude",
  "Gemini",
  "Llama",
  "Mistral",
  "Cursor",
  "Airtable",
  "Zapier",
  "Whisper",
  "Flux",
  "Fuji",
  "Reels",
]);

/** A title-cased phrase as it reads mid-sentence: "Notion-Friendly KPI Dashboard" → "Notion-friendly KPI dashboard". */
export function inSentence(phrase: string): string {
  return phrase
    .split(" ")
    .map((word) =>
      word
        .split("-")
        .map((part) => (/[A-Z0-9]/.test(part.slice(1)) || PROPER_NOUNS.has(part.replace(/[^A-Za-z]/g, "")) ? part : part.toLowerCase()))
        .join("-"),
    )
    .join(" ");
}

/** `1 input`, `3 inputs`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** A phrase as one tag: "Low-Key" → "low-key", "Golden Hour" → "golden-hour". */
export function phraseTag(phrase: string): string {
  return phrase
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** "A cinematic prompt", "An epic prompt", "An ONNX model" (for the start of a sentence). */
export function withArticle(phrase: string): string {
  return `${/^([aeio]|u(?!s)|[AEIOU]|[FHLMNRSX][A-Z0-9])/.test(phrase) ? "An" : "A"} ${phrase}`;
}
