// The header search box: a plain GET form to /browse so it works before JavaScript loads.
export function SearchBox({ defaultValue = "" }: { defaultValue?: string }) {
  return (
    <form action="/browse" method="get" role="search" className="w-full">
      <label htmlFor="site-search" className="sr-only">
        Search prompts, presets, templates, tests and models
      </label>
      <input
        id="site-search"
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder="Search prompts, presets, tests, models…"
        autoComplete="off"
        className="w-full rounded-full border border-slate-300 bg-white px-4 py-2 text-sm shadow-sm placeholder:text-slate-400"
      />
    </form>
  );
}
