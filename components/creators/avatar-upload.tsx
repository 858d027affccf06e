"use client";
// The avatar field of the creator form: upload with progress and a round crop preview, then a hidden input.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ImageUploader } from "@/components/dashboard/image-uploader";

export function AvatarUpload({ name, defaultImageId }: { name: string; defaultImageId?: string }) {
  const [imageId, setImageId] = useState(defaultImageId ?? "");
  return (
    <div className="space-y-2">
      <input type="hidden" name={name} value={imageId} />
      {imageId ? (
        <div className="flex items-center gap-3">
          {/* eslint-disable-next-line @next/next/no-img-element -- immutable stored image */}
          <img
            src={`/api/images/${imageId}?size=thumb`}
            alt="Your avatar"
            width={64}
            height={64}
            className="h-16 w-16 rounded-full ring-1 ring-slate-300"
            data-testid="avatar-preview"
          />
          <Button type="button" variant="ghost" onClick={() => setImageId("")}>
            Remove avatar
          </Button>
        </div>
      ) : null}
      <ImageUploader
        purpose="avatar"
        label={imageId ? "Replace avatar" : "Avatar (optional)"}
        buttonLabel="Upload avatar"
        onUploaded={(image) => setImageId(image.id)}
      />
    </div>
  );
}
