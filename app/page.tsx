// / — home: featured, trending, new and top rated rails, the creators leaderboard and categories with counts.
import Link from "@/components/ui/link";
import { Rail } from "@/components/catalog/rail";
import { TopCreators } from "@/components/catalog/top-creators";
import { EmptyState } from "@/components/ui/empty-state";
import { cachedHome } from "@/lib/catalog/cache";
import { categoryName } from "@/lib/catalog/categories";
import { LEADERBOARD_DAYS, TOP_RATED_MIN_REVIEWS, TRENDING_DAYS } from "@/lib/catalog/home";
import { Section } from "@/components/ui/section";

export default async function HomePage() {
  const home = await cachedHome();
  const total = home.categories.reduce((sum, c) => sum + c.count, 0);
  return (
    <div className="space-y-12">
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

      {total === 0 ? (
        <EmptyState title="Nothing for sale yet">Creators are preparing their first listings. Check back soon.</EmptyState>
      ) : (
        <>
          <Section id="categories-heading" title="Categories">
            <ul className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
              {home.categories.map((c) => (
                <li key={c.category}>
                  <Link
                    href={`/browse?category=${c.category}`}
                    className="flex items-center justify-between rounded-xl border border-slate-200 bg-white px-3 py-2 text-sm hover:border-brand-500"
                  >
                    <span className="truncate">{categoryName(c.category)}</span>
                    <span className="ml-2 tabular-nums text-xs text-slate-500">{c.count.toLocaleString("en-US")}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </Section>
          <Rail id="featured" title="Featured" hint="Proven favourites, one per creator" listings={home.featured} empty="Nothing featured yet." />
          <Rail
            id="trending"
            title="Trending"
            hint={`Most sales in the last ${TRENDING_DAYS} days`}
            href="/browse?sort=popular"
            listings={home.trending}
            empty="No sales this week yet."
          />
          <Rail id="new" title="New on Agora" href="/browse?sort=newest" listings={home.fresh} empty="Nothing new yet." />
          <Rail
            id="top-rated"
            title="Top rated"
            hint={`At least ${TOP_RATED_MIN_REVIEWS} reviews`}
            href={`/browse?sort=rating&minRating=4`}
            listings={home.topRated}
            empty="Not enough reviews yet."
          />
          <Section id="creators-heading" title="Top creators" className="max-w-2xl">
            <p className="mb-3 text-sm text-slate-500">Sales in the last {LEADERBOARD_DAYS} days</p>
            <TopCreators creators={home.creators} />
          </Section>
        </>
      )}
    </div>
  );
}
