"use client";
// /browse's filters, rendered once: a sidebar on wide screens, behind a "Filters" button on narrow ones (the
// disclosure pattern: aria-expanded and aria-controls). Without JavaScript the list is simply shown on narrow screens
// too. (Two copies, a <details> for narrow screens and a sidebar for wide ones, put every facet in the page twice.)
import { useState, type ReactNode } from "react";

export function FiltersDisclosure({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-3 lg:border-0 lg:bg-transparent lg:p-0">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="filters"
        onClick={() => setOpen((shown) => !shown)}
        className="flex w-full items-center justify-between text-left text-sm font-semibold lg:hidden"
      >
        Filters
        <span aria-hidden className="text-slate-500">
          {open ? "−" : "+"}
        </span>
      </button>
      <div id="filters" className={open ? "mt-3 lg:mt-0" : "hidden lg:block"}>
        {children}
      </div>
      <noscript>
        <style>{"#filters{display:block;margin-top:.75rem}"}</style>
      </noscript>
    </div>
  );
}
