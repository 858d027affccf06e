// The buyer's shelf: everything they own, the version they have, and an "Updated" badge when a newer one is out.
import Image from "next/image";
import Link from "@/components/ui/link";
import type { LibraryItem } from "@/lib/library/items";
import { KIND_LABELS } from "@/lib/listings/kinds";
import { formatDate } from "@/lib/format";

export function LibraryItems({ items }: { items: LibraryItem[] }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="library-items">
      {items.map((item) => (
        <li key={item.orderId} className="flex min-w-0 gap-4 rounded-xl border border-slate-200 bg-white p-4">
          <div className="relative h-16 w-24 flex-none overflow-hidden rounded-lg bg-slate-100">
            {item.coverImageId ? (
              <Image src={`/api/images/${item.coverImageId}?size=thumb`} alt="" fill sizes="96px" className="object-cover" unoptimized />
            ) : null}
          </div>
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-2">
              <span className="text-xs font-medium uppercase tracking-wide text-slate-500">{KIND_LABELS[item.kind]}</span>
              {item.updated ? (
                <span className="rounded bg-brand-600 px-1.5 py-0.5 text-xs font-semibold text-white" title={`Version ${item.currentVersion} is out`}>
                  Updated
                </span>
              ) : null}
              {item.removed ? <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800">Removed</span> : null}
            </div>
            {item.withdrawn ? (
              <p className="truncate font-medium text-slate-500">{item.title}</p>
            ) : (
              <Link href={`/library/${item.listingId}`} className="block truncate font-medium hover:text-brand-700">
                {item.title}
              </Link>
            )}
            <p className="text-sm text-slate-500">by {item.creatorName}</p>
            <p className="mt-1 text-xs text-slate-500">
              {item.updated ? (
                <>
                  You bought v{item.purchasedVersion} · <span className="font-medium text-brand-700">v{item.currentVersion} available</span>
                </>
              ) : (
                <>v{item.currentVersion ?? item.purchasedVersion}</>
              )}
              {item.purchasedAt ? ` · since ${formatDate(item.purchasedAt)}` : ""}
            </p>
            {item.withdrawn ? (
              <p className="mt-1 text-xs text-red-700">Removed by Agora&apos;s moderators as an unsafe file; its content is no longer available.</p>
            ) : item.removed ? (
              <p className="mt-1 text-xs text-red-700">This listing was removed from Agora by its moderators. You keep what you bought.</p>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
