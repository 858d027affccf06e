// Facet filters for /browse: every option is a link carrying the whole query, so state lives in the URL.
import Link from "@/components/ui/link";
import { categoryName } from "@/lib/catalog/categories";
import type { Facets } from "@/lib/catalog/facets";
import { queryToSearchParams, type CatalogQuery } from "@/lib/catalog/params";
import { KIND_LABELS } from "@/lib/listings/kinds";

type Override = Parameters<typeof queryToSearchParams>[1];

export function browseHref(query: Partial<CatalogQuery>, overrides: Override = {}): string {
  // Any filter change starts again from the first page.
  const params = queryToSearchParams(query, { cursor: undefined, ...overrides });
  const text = params.toString();
  return text ? `/browse?${text}` : "/browse";
}

/** A count; estimated ones (a very large match set, counted from a sample) read "about". */
export function FacetCount({ count, approximate }: { count: number; approximate: boolean }) {
  const text = count.toLocaleString("en-US");
  return approximate && count > 0 ? <span title="Estimated from a sample of the matches">≈{text}</span> : <>{text}</>;
}

function Option({ href, label, count, active, approximate }: { href: string; label: string; count: number; active: boolean; approximate: boolean }) {
  return (
    <li>
      {/* Styled by .facet-option (globals.css): active is aria-current, an option nothing matches is data-empty. */}
      <Link href={href} aria-current={active ? "true" : undefined} data-empty={count === 0 && !active ? "" : undefined} className="facet-option">
        <span>
          {active ? <span aria-hidden>✓ </span> : null}
          {label}
        </span>
        <span className="facet-count">
          <FacetCount count={count} approximate={approximate} />
        </span>
      </Link>
    </li>
  );
}

function Group({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="space-y-1">
      <h2 className="facet-heading">{title}</h2>
      <ul>{children}</ul>
    </section>
  );
}

export function FacetList({ query, facets }: { query: CatalogQuery; facets: Facets }) {
  return (
    <div className="space-y-5" data-testid="facets">
      <Group title="Kind">
        {facets.kind.map((f) => (
          <Option
            key={f.value}
            href={browseHref(query, { kind: query.kind === f.value ? undefined : f.value })}
            label={KIND_LABELS[f.value]}
            count={f.count}
            approximate={facets.approximate}
            active={query.kind === f.value}
          />
        ))}
      </Group>
      <Group title="Category">
        {facets.category
          .filter((f) => f.count > 0 || query.category === f.value)
          .map((f) => (
            <Option
              key={f.value}
              href={browseHref(query, { category: query.category === f.value ? undefined : f.value })}
              label={categoryName(f.value)}
              count={f.count}
              approximate={facets.approximate}
              active={query.category === f.value}
            />
          ))}
      </Group>
      <Group title="Price">
        {facets.price.map((f) => {
          const active = f.value === "free" ? query.free : query.minPrice === f.min && (query.maxPrice ?? null) === f.max && !query.free;
          const overrides: Override = active
            ? { free: undefined, minPrice: undefined, maxPrice: undefined }
            : f.value === "free"
              ? { free: true, minPrice: undefined, maxPrice: undefined }
              : { free: undefined, minPrice: f.min, maxPrice: f.max ?? undefined };
          return <Option key={f.value} href={browseHref(query, overrides)} label={f.label} count={f.count} approximate={facets.approximate} active={active} />;
        })}
      </Group>
      <section aria-label="License" className="space-y-1">
        <h2 className="facet-heading">License</h2>
        <Link
          href={browseHref(query, { commercial: query.commercial ? undefined : true })}
          role="checkbox"
          aria-checked={Boolean(query.commercial)}
          className={`flex items-center gap-2 rounded-lg px-2 py-1.5 text-sm hover:bg-slate-100 ${query.commercial ? "font-semibold text-brand-700" : "text-slate-700"}`}
        >
          <span
            aria-hidden
            className={`inline-flex h-4 w-4 items-center justify-center rounded border text-[10px] ${query.commercial ? "border-brand-600 bg-brand-600 text-white" : "border-slate-400"}`}
          >
            {query.commercial ? "✓" : ""}
          </span>
          Commercial use allowed
        </Link>
      </section>
      <Group title="Rating">
        {facets.rating.map((f) => (
          <Option
            key={f.value}
            href={browseHref(query, { minRating: query.minRating === f.value ? undefined : f.value })}
            label={`${f.value} ★ & up`}
            count={f.count}
            approximate={facets.approximate}
            active={query.minRating === f.value}
          />
        ))}
      </Group>
    </div>
  );
}
