// A GET form that searches a list by its `q` parameter, keeping the list's other filters, with a way to clear it.
import Link from "@/components/ui/link";
import { buttonClass } from "./button";

export function SearchForm({
  label,
  inputLabel,
  inputId,
  value,
  placeholder,
  button = "Search",
  clearHref,
  keep = {},
  width = "sm:w-72",
}: {
  /** The form's accessible name ("Search your library"). */
  label: string;
  /** The search box's accessible name (visually hidden; the placeholder says it too). */
  inputLabel: string;
  inputId: string;
  value?: string;
  placeholder: string;
  button?: string;
  /** Where "Clear search" leads while a search is shown. */
  clearHref: string;
  /** The list's other filters, sent again with the search. */
  keep?: Record<string, string | undefined>;
  width?: string;
}) {
  return (
    <form method="get" role="search" aria-label={label} className="flex flex-wrap items-center gap-2">
      {Object.entries(keep).map(([name, v]) => (v ? <input key={name} type="hidden" name={name} value={v} /> : null))}
      <label htmlFor={inputId} className="sr-only">
        {inputLabel}
      </label>
      <input
        id={inputId}
        name="q"
        type="search"
        maxLength={100}
        defaultValue={value}
        placeholder={placeholder}
        className={`w-full rounded-lg border border-slate-300 px-3 py-2 text-sm ${width}`}
      />
      <button type="submit" className={buttonClass("secondary")}>
        {button}
      </button>
      {value ? (
        <Link href={clearHref} className="text-sm text-brand-700 hover:underline">
          Clear search
        </Link>
      ) : null}
    </form>
  );
}
