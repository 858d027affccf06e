import Link from "next/link";
import { ListingGrid } from "@/components/listings/listing-card";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { countPublished, newestListings } from "@/lib/catalog/cards";
import { CATEGORIES } from "@/lib/catalog/categories";

export default async function HomePage() {
  const db = await getDb();
  const [{ items }, total] = await Promise.all([newestListings(db, { limit: 12 }), countPublished(db)]);
  return (
    <div className="space-y-10">
      <section className="rounded-3xl bg-gradient-to-br from-brand-600 to-indigo-900 px-6 py-12 text-white sm:px-10">
        <h1 className="max-w-2xl text-3xl font-bold tracking-tight sm:text-4xl">The marketplace for AI assets</h1>
        <p className="mt-3 max-w-2xl text-brand-100">
          Prompts, presets, templates, online tests and fine-tuned models from independent creators. Buy once, keep every new version.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link href="/browse" className="rounded-lg bg-white px-4 py-2 text-sm font-semibold text-brand-700 hover:bg-brand-50">
            Browse {total.toLocaleString("en-US")} listings
          </Link>
          <Link href="/become-creator" className="rounded-lg border border-white/40 px-4 py-2 text-sm font-semibold hover:bg-white/10">
            Start selling
          </Link>
        </div>
      </section>

      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading" className="text-lg font-semibold">
          Categories
        </h2>
        <ul className="mt-3 flex flex-wrap gap-2">
          {CATEGORIES.map((c) => (
            <li key={c.slug}>
              <Link href={`/browse?category=${c.slug}`} className="inline-block rounded-full border border-slate-300 bg-white px-3 py-1 text-sm hover:border-brand-500">
                {c.name}
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="new-heading">
        <div className="flex items-baseline justify-between">
          <h2 id="new-heading" className="text-lg font-semibold">
            New on Agora
          </h2>
          <Link href="/browse?sort=newest" className="text-sm font-medium text-brand-700 hover:underline">
            See all
          </Link>
        </div>
        <div className="mt-4">
          {items.length ? (
            <ListingGrid listings={items} />
          ) : (
            <EmptyState title="Nothing for sale yet">Creators are preparing their first listings. Check back soon.</EmptyState>
          )}
        </div>
      </section>
    </div>
  );
}
