"use client";
// The sortable, pageable list of reviews; pages come from a server action so the listing page itself stays cached.
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ReviewItem, ReviewPage } from "@/lib/reviews/list";
import type { ReviewSort } from "@/lib/reviews/schemas";
import type { ReviewActions } from "./review-actions";
import { ReviewCard } from "./review-card";

/** The order each listing's list was last sorted in during this visit, kept across remounts. */
const chosenSort = new Map<string, ReviewSort>();

const SORT_LABELS: Record<ReviewSort, string> = { newest: "Newest", highest: "Highest rated", lowest: "Lowest rated" };

export function ReviewList({
  listingId,
  initialSort,
  initialPage,
  actions,
  emptyText = "No reviews yet.",
}: {
  listingId: string;
  actions: ReviewActions;
  initialSort: ReviewSort;
  initialPage: ReviewPage;
  emptyText?: string;
}) {
  const [sort, setSort] = useState<ReviewSort>(() => chosenSort.get(listingId) ?? initialSort);
  const [items, setItems] = useState<ReviewItem[]>(initialPage.items);
  const [cursor, setCursor] = useState<string | null>(initialPage.nextCursor);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const selectId = useId();

  // The list remounts when the server re-renders after a review action; reload it in the order the viewer chose.
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current) return;
    restored.current = true;
    const remembered = chosenSort.get(listingId);
    if (remembered && remembered !== initialSort) load(remembered, null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per mount
  }, []);

  function load(nextSort: ReviewSort, after: string | null) {
    setError(null);
    startTransition(async () => {
      const res = await actions.loadPage({ listingId, sort: nextSort, cursor: after });
      if (!res.ok) {
        setError(res.error);
        return;
      }
      setItems((prev) => (after ? [...prev, ...res.page.items.filter((r) => !prev.some((p) => p.id === r.id))] : res.page.items));
      setCursor(res.page.nextCursor);
    });
  }

  if (items.length === 0 && !cursor && !pending) {
    return <p className="text-sm text-slate-500">{emptyText}</p>;
  }
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-end gap-2">
        <label htmlFor={selectId} className="text-sm text-slate-600">
          Sort by
        </label>
        <select
          id={selectId}
          value={sort}
          disabled={pending}
          onChange={(event) => {
            const next = event.target.value as ReviewSort;
            setSort(next);
            chosenSort.set(listingId, next);
            load(next, null);
          }}
          className="rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm"
        >
          {(Object.keys(SORT_LABELS) as ReviewSort[]).map((s) => (
            <option key={s} value={s}>
              {SORT_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <ul className={`space-y-4 ${pending ? "opacity-60" : ""}`} aria-busy={pending} aria-label="Reviews">
        {items.map((review) => (
          <li key={review.id}>
            <ReviewCard review={review} actions={actions} />
          </li>
        ))}
      </ul>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {cursor ? (
        <div className="text-center">
          <Button type="button" variant="secondary" disabled={pending} onClick={() => load(sort, cursor)}>
            {pending ? "Loading…" : "Show more reviews"}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
