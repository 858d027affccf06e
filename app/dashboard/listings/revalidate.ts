// After a studio or moderation change: refresh the public catalog's cached pages and the creator's studio.
import { revalidatePath } from "next/cache";
import { revalidateListing } from "@/lib/catalog/cache";

export function revalidateListingEverywhere(listing: { id: string; slug: string; creatorHandle: string }) {
  revalidateListing({ slug: listing.slug, creatorHandle: listing.creatorHandle });
  revalidatePath("/dashboard", "layout");
  revalidatePath(`/l/${listing.slug}`);
}
