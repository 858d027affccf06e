import type { Metadata } from "next";
import Image from "next/image";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { userOrSignIn } from "@/lib/auth/session";
import { KIND_LABELS } from "@/lib/listings/kinds";
import { ownedListings } from "@/lib/orders/library";

export const metadata: Metadata = { title: "Your library" };

export default async function LibraryPage() {
  const user = await userOrSignIn("/library");
  const items = await ownedListings(await getDb(), user);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Your library</h1>
      {items.length === 0 ? (
        <EmptyState title="Nothing here yet" action={<ButtonLink href="/browse">Browse listings</ButtonLink>}>
          Everything you buy or get for free lands here, and stays up to date with every new version.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white">
          {items.map((item) => (
            <li key={item.orderId} className="flex items-center gap-4 p-4">
              <div className="relative h-16 w-24 flex-none overflow-hidden rounded-lg bg-slate-100">
                {item.coverImageId ? <Image src={`/api/images/${item.coverImageId}?size=thumb`} alt="" fill sizes="96px" className="object-cover" unoptimized /> : null}
              </div>
              <div className="min-w-0 flex-1">
                <Link href={`/l/${item.slug}`} className="font-medium hover:text-brand-700">
                  {item.title}
                </Link>
                <p className="text-sm text-slate-500">
                  {KIND_LABELS[item.kind]} · by {item.creatorName} · version {item.versionNumber}
                  {item.purchasedAt ? ` · since ${item.purchasedAt.toLocaleDateString("en-US", { dateStyle: "medium" })}` : ""}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
