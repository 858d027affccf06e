// A compact star rating with an accessible label.
export function Stars({ value, count }: { value: number; count: number }) {
  if (count === 0) return <span className="text-xs text-slate-500">No ratings yet</span>;
  const rounded = Math.round(value * 2) / 2;
  return (
    <span className="inline-flex items-center gap-1 text-xs text-slate-600" aria-label={`Rated ${value.toFixed(1)} out of 5 from ${count} reviews`}>
      <span aria-hidden className="text-amber-500">
        {"★".repeat(Math.floor(rounded))}
        {rounded % 1 ? "⯪" : ""}
        <span className="text-slate-300">{"★".repeat(5 - Math.ceil(rounded))}</span>
      </span>
      <span>
        {value.toFixed(1)} ({count})
      </span>
    </span>
  );
}
