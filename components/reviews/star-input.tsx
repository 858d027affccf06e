"use client";
// Choosing 1–5 stars: native radio buttons (arrow keys, screen readers) drawn as stars.
import { useState } from "react";

const LABELS = ["", "Poor", "Fair", "Good", "Very good", "Excellent"];

export function StarInput({ name = "rating", defaultValue, error, idPrefix }: { name?: string; defaultValue?: number; error?: string; idPrefix: string }) {
  const [value, setValue] = useState(defaultValue ?? 0);
  const [hover, setHover] = useState(0);
  const shown = hover || value;
  return (
    <fieldset aria-describedby={error ? `${idPrefix}-rating-error` : undefined}>
      <legend className="text-sm font-medium text-slate-700">Your rating</legend>
      <div className="mt-1 flex items-center gap-1" onMouseLeave={() => setHover(0)}>
        {[1, 2, 3, 4, 5].map((n) => (
          <label
            key={n}
            className="cursor-pointer rounded p-0.5 text-3xl leading-none has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600"
            onMouseEnter={() => setHover(n)}
          >
            <input
              type="radio"
              name={name}
              value={n}
              checked={value === n}
              onChange={() => setValue(n)}
              className="sr-only"
              aria-label={`${n} star${n > 1 ? "s" : ""} — ${LABELS[n]}`}
            />
            <span aria-hidden className={n <= shown ? "text-amber-500" : "text-slate-300"}>
              ★
            </span>
          </label>
        ))}
        <span className="ml-2 text-sm text-slate-600" aria-hidden>
          {shown ? LABELS[shown] : "Choose 1–5 stars"}
        </span>
      </div>
      {error ? (
        <p id={`${idPrefix}-rating-error`} className="mt-1 text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Read-only stars for one review. */
export function StarsShown({ rating }: { rating: number }) {
  return (
    <span className="text-amber-500" role="img" aria-label={`${rating} out of 5 stars`}>
      {"★".repeat(rating)}
      <span className="text-slate-300">{"★".repeat(5 - rating)}</span>
    </span>
  );
}
