"use client";
// Switching between approved versions of something one owns; works as a plain GET form without JavaScript.
import { useRouter } from "next/navigation";
import { useId } from "react";
import { formatDate } from "@/lib/format";

export type VersionOption = { number: number; current: boolean; releasedAt: string };

export function VersionPicker({ listingId, versions, selected }: { listingId: string; versions: VersionOption[]; selected: number }) {
  const router = useRouter();
  const id = useId();
  return (
    <form method="get" action={`/library/${listingId}`} className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm text-slate-600">
        Version
      </label>
      <select
        id={id}
        name="v"
        defaultValue={selected}
        onChange={(e) => router.push(`/library/${listingId}?v=${e.target.value}`)}
        className="rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm"
      >
        {versions.map((v) => (
          <option key={v.number} value={v.number}>
            v{v.number}
            {v.current ? " (latest)" : ""} — {formatDate(v.releasedAt)}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="rounded-lg border border-slate-300 px-2 py-1 text-sm">
          Open
        </button>
      </noscript>
    </form>
  );
}
