// A compact star rating with an accessible label; partial stars are a clipped overlay, not a glyph.
export function Stars({ value, count }: { value: number; count: number }) {
  if (count === 0) return <span className="text-xs text-slate-500">No ratings yet</span>;
  const percent = Math.max(0, Math.min(100, (value / 5) * 100));
  return (
    <span className="inline-flex items-center gap-1 text-xs text-slate-600" aria-label={`Rated ${value.toFixed(1)} out of 5 from ${count} reviews`}>
      <span aria-hidden className="relative inline-block leading-none">
        <span className="text-slate-300">★★★★★</span>
        <span className="absolute inset-0 overflow-hidden whitespace-nowrap text-amber-500" style={{ width: `${percent}%` }}>
          ★★★★★
        </span>
      </span>
      <span>
        {value.toFixed(1)} ({count})
      </span>
    </span>
  );
}
