"use client";
// A JSON text area with line numbers; a syntax error marks its line and says where and what.
import { useId, useRef } from "react";
import { parseJsonText } from "@/lib/listings/json-text";

export function JsonField({
  label,
  value,
  onChange,
  disabled,
  hint,
  extraError,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  hint?: string;
  /** A non-syntax problem (e.g. "must be an object"), shown with line 1. */
  extraError?: { message: string; line?: number } | null;
}) {
  const id = useId();
  const gutter = useRef<HTMLPreElement>(null);
  const parsed = parseJsonText(value);
  const error = !parsed.ok
    ? { line: parsed.line, column: parsed.column, message: parsed.message }
    : extraError
      ? { line: extraError.line ?? 1, column: 1, message: extraError.message }
      : null;
  const lines = value.split("\n").length;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className={`flex overflow-hidden rounded-lg border bg-white shadow-sm ${error ? "border-red-500" : "border-slate-300"}`}>
        <pre
          ref={gutter}
          aria-hidden
          className="max-h-[28rem] select-none overflow-hidden border-r border-slate-200 bg-slate-50 px-2 py-2 text-right font-mono text-[13px] leading-5 text-slate-400"
        >
          {Array.from({ length: lines }, (_, i) => (
            <div key={i} className={error?.line === i + 1 ? "bg-red-100 font-semibold text-red-700" : undefined}>
              {i + 1}
            </div>
          ))}
        </pre>
        <textarea
          id={id}
          value={value}
          disabled={disabled}
          spellCheck={false}
          rows={Math.min(24, Math.max(8, lines + 1))}
          onChange={(e) => onChange(e.target.value)}
          onScroll={(e) => {
            if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-status`}
          className="block max-h-[28rem] w-full resize-y whitespace-pre px-3 py-2 font-mono text-[13px] leading-5 outline-none"
          wrap="off"
        />
      </div>
      <p id={`${id}-status`} className={`text-sm ${error ? "text-red-600" : "text-slate-500"}`} aria-live="polite">
        {error ? `Line ${error.line}, column ${error.column}: ${error.message}` : (hint ?? "Valid JSON.")}
      </p>
    </div>
  );
}
