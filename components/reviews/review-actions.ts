// The server actions the review components run, handed down by the page (ARCHITECTURE.md, "Server actions").
import type { ReviewPage } from "@/lib/reviews/list";
import type { ReviewSort } from "@/lib/reviews/schemas";
import type { FormAction } from "@/lib/validated-action";

export type LoadReviewsResult = { ok: true; page: ReviewPage } | { ok: false; error: string };

export type ReviewActions = {
  create: FormAction;
  edit: FormAction;
  reply: FormAction;
  hide: FormAction;
  restore: FormAction;
  loadPage: (input: { listingId: string; sort: ReviewSort; cursor: string | null }) => Promise<LoadReviewsResult>;
};
