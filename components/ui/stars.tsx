// A compact star rating with an accessible label; the stars are drawn by CSS (.stars in globals.css), filled to the
// rating's share.
import type { CSSProperties } from "react";

export function Stars({ value, count }: { value: number; count: number }) {
  if (count === 0) return <span className="text-xs text-slate-500">No ratings yet</span>;
  const percent = Math.round(Math.max(0, Math.min(100, (value / 5) * 100)) * 10) / 10;
  return (
    <span className="rating" aria-label={`Rated ${value.toFixed(1)} out of 5 from ${count} reviews`}>
      <span aria-hidden className="stars" style={{ "--stars": `${percent}%` } as CSSProperties} />
      <span>
        {value.toFixed(1)} ({count})
      </span>
    </span>
  );
}
