// Links between pages of a newest-first list read by cursor: back to the newest page, on to older entries.
import Link from "@/components/ui/link";

const LINK = "rounded-lg border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100";

/** Nothing when the list fits on one page; otherwise "← Newest …" (when not on the newest page) and "Older … →". */
export function NewestOlderPager({ label, noun, newestHref, olderHref }: { label: string; noun: string; newestHref: string | null; olderHref: string | null }) {
  if (!newestHref && !olderHref) return null;
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-3 text-sm">
      {newestHref ? (
        <Link href={newestHref} className={LINK}>
          ← Newest {noun}
        </Link>
      ) : (
        <span />
      )}
      {olderHref ? (
        <Link href={olderHref} rel="next" className={LINK}>
          Older {noun} →
        </Link>
      ) : null}
    </nav>
  );
}
