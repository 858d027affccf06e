"use client";
// The description editor: markdown on the left, a live preview (rendered and sanitized by the server,
// exactly as the listing page shows it) on the right, or below on narrow screens.
import { useEffect, useId, useState } from "react";
import { DESCRIPTION_MAX } from "@/lib/listings/details";

export const MARKDOWN_CLASSES =
  "space-y-3 text-sm leading-6 text-slate-700 [&_a]:text-brand-700 [&_a]:underline [&_blockquote]:border-l-4 [&_blockquote]:pl-3 [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_h2]:mt-4 [&_h2]:text-lg [&_h2]:font-semibold [&_h3]:font-semibold [&_ol]:list-decimal [&_ol]:pl-5 [&_pre]:overflow-x-auto [&_pre]:rounded-lg [&_pre]:bg-slate-900 [&_pre]:p-3 [&_pre]:text-slate-100 [&_ul]:list-disc [&_ul]:pl-5";

export function MarkdownField({
  value,
  onChange,
  error,
  disabled,
  render,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  disabled?: boolean;
  render: (markdown: string) => Promise<string>;
}) {
  const id = useId();
  const [html, setHtml] = useState<string | null>(null);
  const [previewError, setPreviewError] = useState(false);
  const [tab, setTab] = useState<"write" | "preview">("write");

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      render(value)
        .then((out) => {
          if (!cancelled) {
            setHtml(out);
            setPreviewError(false);
          }
        })
        .catch(() => !cancelled && setPreviewError(true));
    }, 350);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [value, render]);

  const over = value.length > DESCRIPTION_MAX;
  return (
    <div className="space-y-1">
      <div className="flex items-center justify-between">
        <label htmlFor={id} className="block text-sm font-medium text-slate-700">
          Description <span className="font-normal text-slate-500">(markdown)</span>
        </label>
        <div className="flex rounded-lg border border-slate-300 p-0.5 text-xs lg:hidden" role="group" aria-label="Description view">
          {(["write", "preview"] as const).map((t) => (
            <button
              key={t}
              type="button"
              aria-pressed={tab === t}
              onClick={() => setTab(t)}
              className={`rounded-md px-2 py-1 capitalize ${tab === t ? "bg-slate-900 text-white" : "text-slate-700"}`}
            >
              {t}
            </button>
          ))}
        </div>
      </div>
      <div className="grid gap-3 lg:grid-cols-2">
        <textarea
          id={id}
          value={value}
          rows={14}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-help`}
          placeholder={"## What's inside\n\n- …\n\n## How to use it\n\n1. …"}
          className={`${tab === "write" ? "block" : "hidden"} w-full rounded-lg border bg-white px-3 py-2 font-mono text-[13px] leading-5 shadow-sm lg:block ${
            error ? "border-red-500" : "border-slate-300"
          }`}
        />
        <div
          aria-label="Description preview"
          role="region"
          aria-live="off"
          className={`${tab === "preview" ? "block" : "hidden"} min-h-40 overflow-auto rounded-lg border border-dashed border-slate-300 bg-slate-50 p-3 lg:block lg:max-h-[22rem]`}
        >
          {previewError ? (
            <p className="text-sm text-slate-500">The preview is unavailable right now; your text is kept.</p>
          ) : html === null ? (
            <p className="text-sm text-slate-400">Preview…</p>
          ) : html.trim() ? (
            <div className={MARKDOWN_CLASSES} dangerouslySetInnerHTML={{ __html: html }} />
          ) : (
            <p className="text-sm text-slate-400">Nothing to preview yet.</p>
          )}
        </div>
      </div>
      <div id={`${id}-help`} className="flex justify-between gap-3 text-sm">
        {error ? (
          <p className="text-red-600">{error}</p>
        ) : (
          <p className="text-slate-500">Headings, lists, links, **bold**, `code`. Raw HTML is shown as text.</p>
        )}
        <span className={`shrink-0 tabular-nums ${over ? "font-medium text-red-600" : "text-slate-400"}`}>
          {value.length.toLocaleString("en-US")}/{DESCRIPTION_MAX.toLocaleString("en-US")}
        </span>
      </div>
    </div>
  );
}
