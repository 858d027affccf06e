import type { Metadata } from "next";
import Link from "next/link";
import { ListingGrid } from "@/components/listings/listing-card";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { newestListings } from "@/lib/catalog/cards";

export const metadata: Metadata = { title: "Browse" };

export default async function BrowsePage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const { cursor } = await searchParams;
  const { items, nextCursor } = await newestListings(await getDb(), { limit: 24, cursor });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Browse</h1>
      {items.length ? <ListingGrid listings={items} /> : <EmptyState title="No listings here">Try another page or come back later.</EmptyState>}
      {nextCursor ? (
        <div className="flex justify-center">
          <Link href={`/browse?cursor=${nextCursor}`} className="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100">
            Next page
          </Link>
        </div>
      ) : null}
    </div>
  );
}
