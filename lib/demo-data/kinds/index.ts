// One listing generator per kind (ARCHITECTURE.md, "Listings and versions"): each returns public text plus versioned, schema-valid content.
import type { Kind } from "@/lib/listings/kinds";
import { generateModel } from "./model";
import { generatePreset } from "./preset";
import { generatePrompt } from "./prompt";
import { generateTemplate } from "./template";
import { generateTest } from "./test";
import type { ListingGenerator } from "./types";

export const LISTING_GENERATORS: Record<Kind, ListingGenerator> = {
  prompt: generatePrompt,
  preset: generatePreset,
  template: generateTemplate,
  test: generateTest,
  model: generateModel,
};

export type { ListingDraft } from "./types";
