// Chips for the filters in force, each removable, plus "clear all".
import Link from "@/components/ui/link";
import { categoryName } from "@/lib/catalog/categories";
import type { CatalogQuery } from "@/lib/catalog/params";
import { KIND_LABELS } from "@/lib/listings/kinds";
import { formatPrice } from "@/lib/format";
import { browseHref } from "./facet-list";

export function ActiveFilters({ query }: { query: CatalogQuery }) {
  const chips: { label: string; href: string }[] = [];
  if (query.kind) chips.push({ label: KIND_LABELS[query.kind], href: browseHref(query, { kind: undefined }) });
  if (query.category) chips.push({ label: categoryName(query.category), href: browseHref(query, { category: undefined }) });
  if (query.free) chips.push({ label: "Free", href: browseHref(query, { free: undefined }) });
  if (query.commercial) chips.push({ label: "Commercial use allowed", href: browseHref(query, { commercial: undefined }) });
  if (query.minPrice !== undefined || query.maxPrice !== undefined) {
    const from = query.minPrice !== undefined ? formatPrice(query.minPrice) : "any";
    const to = query.maxPrice !== undefined ? formatPrice(query.maxPrice) : "any";
    chips.push({ label: `Price ${from} – ${to}`, href: browseHref(query, { minPrice: undefined, maxPrice: undefined }) });
  }
  if (query.minRating) chips.push({ label: `${query.minRating} ★ & up`, href: browseHref(query, { minRating: undefined }) });
  if (chips.length === 0) return null;
  return (
    <ul className="flex flex-wrap items-center gap-2" aria-label="Active filters">
      {chips.map((chip) => (
        <li key={chip.label}>
          <Link href={chip.href} className="inline-flex items-center gap-1 rounded-full bg-brand-50 px-3 py-1 text-sm text-brand-700 hover:bg-brand-100">
            {chip.label}
            <span aria-hidden>×</span>
            <span className="sr-only">(remove filter)</span>
          </Link>
        </li>
      ))}
      <li>
        <Link
          href={browseHref({ q: query.q, sort: query.sort, free: false, limit: query.limit })}
          className="text-sm text-slate-600 underline hover:text-slate-900"
        >
          Clear filters
        </Link>
      </li>
    </ul>
  );
}
