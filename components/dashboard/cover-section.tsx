"use client";
// The listing's cover: what it looks like as a card and on the page, upload a new one, or remove it.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Section } from "./fields";
import { ImageUploader } from "./image-uploader";
import type { EditorActions } from "./editor-actions";

export function CoverSection({
  listingId,
  coverImageId,
  disabled,
  live,
  setCover: saveCover,
  onSaved,
}: {
  listingId: string;
  coverImageId: string | null;
  disabled?: boolean;
  live: boolean;
  setCover: EditorActions["setCover"];
  onSaved?: () => void;
}) {
  const [cover, setCover] = useState(coverImageId);
  const [error, setError] = useState<string | null>(null);
  const change = async (imageId: string | null): Promise<string | void> => {
    const previous = cover;
    setCover(imageId);
    const result = await saveCover(listingId, imageId);
    if (!result.ok) {
      setCover(previous);
      setError(result.error);
      return result.error;
    }
    setError(null);
    onSaved?.();
  };
  return (
    <Section
      title="Cover image"
      description={
        live
          ? "Shown on cards and the listing page; a new cover waits for an admin's approval, the current one stays until then."
          : "Shown on cards and the listing page."
      }
    >
      {cover ? (
        <div className="flex flex-wrap items-end gap-4">
          <figure className="space-y-1">
            {/* eslint-disable-next-line @next/next/no-img-element -- immutable stored image */}
            <img
              src={`/api/images/${cover}?size=thumb`}
              alt="Current cover as a catalog card (300×200)"
              width={300}
              height={200}
              className="h-auto w-[200px] rounded-lg ring-1 ring-slate-200 sm:w-[300px]"
              data-testid="cover-thumb"
            />
            <figcaption className="text-xs text-slate-500">Card thumbnail</figcaption>
          </figure>
          {/* eslint-disable-next-line @next/next/no-img-element -- immutable stored image */}
          <img
            src={`/api/images/${cover}`}
            alt="Current cover at full size"
            className="hidden max-h-[200px] w-auto rounded-lg ring-1 ring-slate-200 md:block"
          />
          <Button type="button" variant="ghost" disabled={disabled} onClick={() => void change(null)}>
            Remove cover
          </Button>
        </div>
      ) : (
        <p className="text-sm text-slate-500">No cover yet. Listings with a cover get noticed far more in the catalog.</p>
      )}
      <ImageUploader
        purpose="cover"
        label={cover ? "Replace the cover" : "Choose a cover image"}
        buttonLabel="Upload cover"
        disabled={disabled}
        onUploaded={(image) => change(image.id)}
      />
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </Section>
  );
}
