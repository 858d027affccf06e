// Previous / next links for a paged table, keeping the other query parameters.
import Link from "@/components/ui/link";

export function Pager({
  page,
  pageCount,
  href,
  label,
  previous = "← Previous",
  next = "Next →",
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
  label: string;
  previous?: string;
  next?: string;
}) {
  if (pageCount <= 1) return null;
  const link = "rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100";
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} className={link} rel="prev">
          {previous}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-500">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={href(page + 1)} className={link} rel="next">
          {next}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
