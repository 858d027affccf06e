"use client";
// The header search box: a GET form to /browse (works before JavaScript loads) that becomes an ARIA combobox
// with suggestions from /api/v1/suggest: ArrowUp/Down to move, Enter to open, Escape to close.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Suspense, useEffect, useId, useRef, useState } from "react";

type Suggestions = { queries: string[]; listings: { slug: string; title: string; kind: string }[] };
type Option = { id: string; label: string; href: string; group: "Searches" | "Listings"; hint?: string };

const inputClass = "w-full rounded-full border border-slate-300 bg-white px-4 py-2 text-sm shadow-sm placeholder:text-slate-400";
const LABEL = "Search prompts, presets, templates, tests and models";

export function SearchBox({ defaultValue = "" }: { defaultValue?: string }) {
  return (
    <Suspense fallback={<PlainSearchForm defaultValue={defaultValue} />}>
      <SearchCombobox defaultValue={defaultValue} />
    </Suspense>
  );
}

function PlainSearchForm({ defaultValue }: { defaultValue: string }) {
  return (
    <form action="/browse" method="get" role="search" className="w-full">
      <label htmlFor="site-search" className="sr-only">
        {LABEL}
      </label>
      <input
        id="site-search"
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder="Search prompts, presets, tests, models…"
        autoComplete="off"
        className={inputClass}
      />
    </form>
  );
}

function toOptions(data: Suggestions, baseId: string): Option[] {
  return [
    ...data.queries.map((q, i) => ({ id: `${baseId}-q${i}`, label: q, href: `/browse?q=${encodeURIComponent(q)}`, group: "Searches" as const })),
    ...data.listings.map((l, i) => ({ id: `${baseId}-l${i}`, label: l.title, href: `/l/${l.slug}`, group: "Listings" as const, hint: l.kind })),
  ];
}

function SearchCombobox({ defaultValue }: { defaultValue: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const current = pathname === "/browse" ? (params.get("q") ?? defaultValue) : defaultValue;
  const [value, setValue] = useState(current);
  const [options, setOptions] = useState<Option[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listboxId = useId();
  const baseId = useId();
  const root = useRef<HTMLDivElement>(null);
  const lastFetched = useRef("");

  // Follow the URL (back button, a facet link) when the box is not being edited.
  const [shown, setShown] = useState(current);
  if (shown !== current) {
    setShown(current);
    setValue(current);
  }

  useEffect(() => {
    const q = value.trim();
    if (q.length < 2 || q === lastFetched.current) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/v1/suggest?q=${encodeURIComponent(q)}`, { signal: controller.signal });
        if (!response.ok) return;
        const data = (await response.json()) as Suggestions;
        lastFetched.current = q;
        setOptions(toOptions(data, baseId));
        setActive(-1);
      } catch {
        // Aborted or offline: the form still submits to /browse.
      }
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [value, baseId]);

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", onClick);
    return () => document.removeEventListener("mousedown", onClick);
  }, []);

  const visible = open && value.trim().length >= 2 && options.length > 0;

  function go(option: Option) {
    setOpen(false);
    if (option.group === "Searches") setValue(option.label);
    router.push(option.href);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      if (options.length) setActive((i) => (i + 1) % options.length);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      if (options.length) setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
    } else if (event.key === "Escape") {
      if (visible) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      }
    } else if (event.key === "Enter" && visible && active >= 0 && options[active]) {
      event.preventDefault();
      go(options[active]);
    }
  }

  return (
    <div ref={root} className="relative w-full">
      <form
        action="/browse"
        method="get"
        role="search"
        className="w-full"
        onSubmit={(event) => {
          event.preventDefault();
          setOpen(false);
          const q = value.trim();
          router.push(q ? `/browse?q=${encodeURIComponent(q)}` : "/browse");
        }}
      >
        <label htmlFor="site-search" className="sr-only">
          {LABEL}
        </label>
        <input
          id="site-search"
          name="q"
          type="search"
          role="combobox"
          aria-expanded={visible}
          aria-controls={listboxId}
          aria-autocomplete="list"
          aria-activedescendant={visible && active >= 0 ? options[active]?.id : undefined}
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onKeyDown={onKeyDown}
          placeholder="Search prompts, presets, tests, models…"
          autoComplete="off"
          className={inputClass}
        />
      </form>
      <ul
        id={listboxId}
        role="listbox"
        aria-label="Search suggestions"
        hidden={!visible}
        className="absolute left-0 right-0 z-30 mt-2 max-h-96 overflow-y-auto rounded-xl border border-slate-200 bg-white py-1 shadow-lg"
      >
        {options.map((option, i) => (
          <li
            key={option.id}
            id={option.id}
            role="option"
            aria-selected={i === active}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => go(option)}
            onMouseEnter={() => setActive(i)}
            className={`flex cursor-pointer items-center justify-between gap-3 px-4 py-2 text-sm ${i === active ? "bg-brand-50 text-brand-700" : "text-slate-700"} ${i > 0 && options[i - 1].group !== option.group ? "border-t border-slate-100" : ""}`}
          >
            <span className="truncate">
              {option.group === "Searches" ? (
                <span aria-hidden className="mr-2 text-slate-400">
                  ⌕
                </span>
              ) : null}
              {option.label}
            </span>
            <span className="shrink-0 text-xs text-slate-400">{option.group === "Listings" ? option.hint : "Search"}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
