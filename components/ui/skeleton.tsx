// Loading placeholders: grey blocks that pulse inside a frame announced as busy.
import type { ReactNode } from "react";

export function Skeleton({ className }: { className: string }) {
  return <div className={`animate-pulse bg-slate-200 ${className}`} />;
}

export function LoadingFrame({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="space-y-4" aria-busy="true" aria-label={label}>
      {children}
    </div>
  );
}

/** `count` tiles of the same height in a grid (`className` says the columns). */
export function SkeletonTiles({ count, className }: { count: number; className: string }) {
  return (
    <div className={`grid gap-4 ${className}`}>
      {Array.from({ length: count }, (_, i) => (
        <Skeleton key={i} className="h-24 rounded-xl" />
      ))}
    </div>
  );
}
