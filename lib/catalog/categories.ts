// The fixed category list shown in navigation, filters and the editor.
export const CATEGORIES = [
  { slug: "image-generation", name: "Image generation" },
  { slug: "writing", name: "Writing & copy" },
  { slug: "marketing", name: "Marketing" },
  { slug: "coding", name: "Coding" },
  { slug: "business", name: "Business" },
  { slug: "education", name: "Education" },
  { slug: "productivity", name: "Productivity" },
  { slug: "photography", name: "Photography" },
  { slug: "audio", name: "Audio & music" },
  { slug: "video", name: "Video" },
  { slug: "data-analysis", name: "Data analysis" },
  { slug: "role-play", name: "Characters & role-play" },
] as const;

export type CategorySlug = (typeof CATEGORIES)[number]["slug"];

export const CATEGORY_SLUGS = CATEGORIES.map((c) => c.slug) as [CategorySlug, ...CategorySlug[]];

export function categoryName(slug: string): string {
  return CATEGORIES.find((c) => c.slug === slug)?.name ?? slug;
}
