// What a kind generator returns for one seeded listing: its public text and the content of each version.
import type { z } from "zod";
import type { CategorySlug } from "@/lib/catalog/categories";
import type { listingContentSchema } from "@/lib/listings/content";
import type { Random } from "../random";

/** Content before zod defaults are applied; the seed parses it with listingContentSchema. */
export type ContentInput = z.input<typeof listingContentSchema>;

export type ListingDraft = {
  category: CategorySlug;
  title: string;
  summary: string;
  /** Candidate tags, most specific first; the catalog trims and de-duplicates them. */
  tags: string[];
  /** Bullet points for the description's "What's inside" section. */
  highlights: string[];
  /** Steps for the description's "How to use it" section. */
  steps: string[];
  /** The paid content of version `n` (1-based). */
  contentFor: (version: number) => ContentInput;
  /** What changed in version `n` (n ≥ 2). */
  changelogFor: (version: number) => string;
};

export type ListingGenerator = (rng: Random) => ListingDraft;

export type PromptVariable = { name: string; description: string; examples: readonly string[] };
