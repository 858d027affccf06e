"use client";
// The sort control: a GET form that keeps every other filter, submitted as soon as the choice changes.
export function SortForm({
  action = "/browse",
  hidden,
  options,
  value,
}: {
  action?: string;
  hidden: [string, string][];
  options: { value: string; label: string }[];
  value: string;
}) {
  return (
    <form action={action} method="get" className="flex items-center gap-2">
      {hidden.map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
      <label htmlFor="browse-sort" className="text-sm text-slate-600">
        Sort by
      </label>
      <select
        id="browse-sort"
        name="sort"
        defaultValue={value}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        className="rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm">
          Apply
        </button>
      </noscript>
    </form>
  );
}
