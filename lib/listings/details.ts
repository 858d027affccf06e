// The public details of a listing (title, summary, description, category, tags, price): one zod schema
// shared by the editor (validation as you type) and the server (validation on save). No server imports.
import { z } from "zod";
import { CATEGORY_SLUGS } from "@/lib/catalog/categories";
import { LISTING_KINDS } from "./kinds";

export const TITLE_MIN = 5;
export const TITLE_MAX = 120;
export const SUMMARY_MAX = 200;
export const DESCRIPTION_MAX = 20_000;
export const TAGS_MAX = 10;
export const PRICE_MIN_CENTS = 100;
export const PRICE_MAX_CENTS = 100_000;

const TAG_SHAPE = /^[a-z0-9][a-z0-9 +#.-]{0,30}[a-z0-9+#]$|^[a-z0-9]$/;

/** Tags from free text ("SEO, blog posts,  seo") → distinct, lowercase, trimmed: ["seo", "blog posts"]. */
export function tagsFromText(text: string): string[] {
  const tags = text
    .split(/[,\n]/)
    .map((t) => t.trim().toLowerCase().replace(/\s+/g, " "))
    .filter(Boolean);
  return [...new Set(tags)];
}

/** "12.50", "$12.5", "1,000" → cents; null when it is not a plain amount of dollars with at most two decimals. */
export function priceTextToCents(text: string): number | null {
  const cleaned = text.trim().replace(/^\$/, "").replace(/,/g, "");
  if (!/^\d{1,7}(\.\d{0,2})?$/.test(cleaned)) return null;
  const [whole, fraction = ""] = cleaned.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

export function centsToPriceText(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

export const titleSchema = z
  .string()
  .trim()
  .min(TITLE_MIN, `Give it a title of at least ${TITLE_MIN} characters.`)
  .max(TITLE_MAX, `Titles are at most ${TITLE_MAX} characters.`);

export const priceCentsSchema = z
  .number()
  .int("Prices are whole cents.")
  .refine((c) => c === 0 || (c >= PRICE_MIN_CENTS && c <= PRICE_MAX_CENTS), "Price is 0 (free) or between $1.00 and $1,000.00.");

export const listingDetailsSchema = z.object({
  title: titleSchema,
  summary: z.string().trim().max(SUMMARY_MAX, `The summary is at most ${SUMMARY_MAX} characters.`),
  description: z.string().max(DESCRIPTION_MAX, `The description is at most ${DESCRIPTION_MAX.toLocaleString("en-US")} characters.`),
  category: z.enum(CATEGORY_SLUGS, "Pick a category."),
  tags: z.array(z.string().regex(TAG_SHAPE, "Tags are 1–32 letters, digits, spaces, +, #, . or -.")).max(TAGS_MAX, `Up to ${TAGS_MAX} tags.`),
  priceCents: priceCentsSchema,
});

export type ListingDetails = z.infer<typeof listingDetailsSchema>;

/** What the editor's details form holds: every field as typed. */
export type ListingDetailsForm = {
  title: string;
  summary: string;
  description: string;
  category: string;
  tags: string;
  price: string;
};

/** The form as typed → details to validate (an unreadable price becomes NaN so the schema reports it). */
export function detailsFromForm(form: ListingDetailsForm): unknown {
  const cents = priceTextToCents(form.price);
  return {
    title: form.title,
    summary: form.summary,
    description: form.description,
    category: form.category,
    tags: tagsFromText(form.tags),
    priceCents: cents ?? Number.NaN,
  };
}

export function detailsToForm(details: ListingDetails): ListingDetailsForm {
  return {
    title: details.title,
    summary: details.summary,
    description: details.description,
    category: details.category,
    tags: details.tags.join(", "),
    price: centsToPriceText(details.priceCents),
  };
}

export type DetailsErrors = Partial<Record<keyof ListingDetailsForm, string>>;

/** Validates the form as typed; errors keyed by form field (tags and price map to their text inputs). */
export function validateDetailsForm(form: ListingDetailsForm): { ok: true; details: ListingDetails } | { ok: false; errors: DetailsErrors } {
  const parsed = listingDetailsSchema.safeParse(detailsFromForm(form));
  if (parsed.success) return { ok: true, details: parsed.data };
  const errors: DetailsErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path[0];
    const field: keyof ListingDetailsForm | undefined =
      key === "priceCents" ? "price" : key === "tags" ? "tags" : (key as keyof ListingDetailsForm | undefined);
    if (!field || errors[field]) continue;
    errors[field] = field === "price" && priceTextToCents(form.price) === null ? "Enter a price such as 0, 4.99 or 25." : issue.message;
  }
  return { ok: false, errors };
}

/** Creating a listing needs only its kind and a title; everything else is filled in the editor. */
export const newListingSchema = z.object({
  kind: z.enum(LISTING_KINDS, "Pick what you are selling."),
  title: titleSchema,
  category: z.enum(CATEGORY_SLUGS, "Pick a category."),
});
