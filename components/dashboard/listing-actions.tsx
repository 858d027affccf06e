"use client";
// Per-listing actions shared by the table and the editor: duplicate, delete a draft, unpublish, republish.
// Destructive ones ask first; every result is announced.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "./confirm-dialog";
import type { ListingRowActions } from "./editor-actions";

export type ActionListing = {
  id: string;
  title: string;
  status: "draft" | "pending_review" | "published" | "rejected" | "unpublished" | "removed";
  neverPublished: boolean;
};

export function ListingActions({
  listing,
  actions,
  compact = false,
  canEdit = true,
}: {
  listing: ActionListing;
  actions: ListingRowActions;
  compact?: boolean;
  canEdit?: boolean;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "error" | "ok"; text: string } | null>(null);
  const size = compact ? "px-2.5 py-1.5 text-xs" : "";

  const act = (work: () => Promise<{ ok: boolean; error?: string }>, done: string) =>
    new Promise<void>((resolve) => {
      startTransition(async () => {
        const result = await work();
        setMessage(result.ok ? { tone: "ok", text: done } : { tone: "error", text: result.error ?? "That didn't work." });
        if (result.ok) router.refresh();
        resolve();
      });
    });

  if (!canEdit) return null;
  const deletable = listing.neverPublished && (listing.status === "draft" || listing.status === "rejected");
  return (
    <div className="flex flex-wrap items-center gap-2">
      {listing.status === "published" ? (
        <ConfirmButton
          label="Unpublish"
          className={size}
          title={`Unpublish “${listing.title}”?`}
          confirmLabel="Unpublish"
          onConfirm={() => act(() => actions.unpublish(listing.id), "Unpublished: it no longer appears in the catalog.")}
        >
          It disappears from search and its page. People who bought it keep it. You can publish it again at any time.
        </ConfirmButton>
      ) : null}
      {listing.status === "unpublished" ? (
        <Button
          type="button"
          variant="secondary"
          className={size}
          disabled={pending}
          onClick={() => act(() => actions.republish(listing.id), "Published again.")}
        >
          Publish again
        </Button>
      ) : null}
      <Button type="button" variant="secondary" className={size} disabled={pending} onClick={() => act(() => actions.duplicate(listing.id), "Duplicated.")}>
        Duplicate
      </Button>
      {deletable ? (
        <ConfirmButton
          label="Delete"
          className={size}
          title={`Delete “${listing.title}”?`}
          confirmLabel="Delete draft"
          onConfirm={() => act(() => actions.deleteDraft(listing.id, compact), "Draft deleted.")}
        >
          The draft, its content and its uploaded files are deleted for good. This can&apos;t be undone.
        </ConfirmButton>
      ) : null}
      {message ? (
        <p
          role={message.tone === "error" ? "alert" : "status"}
          className={`basis-full text-sm ${message.tone === "error" ? "text-red-600" : "text-emerald-700"}`}
        >
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
