// The server actions the listing editor and listing tables run, handed down by the dashboard pages
// (app/dashboard/listings/actions.ts; ARCHITECTURE.md, "Server actions").
import type { ContentDraft } from "@/lib/listings/content-draft";
import type { DetailsErrors, ListingDetailsForm } from "@/lib/listings/details";
import type { CheckModelFile } from "./content/model-editor";
import type { SaveLicense } from "./license-section";
import type { ActionListing } from "./listing-actions";

/** What a dashboard listing action answers: never a thrown error, always something the editor can show. */
export type EditorResult<T = object> = ({ ok: true } & T) | { ok: false; error: string; fieldErrors?: DetailsErrors };

type Status = ActionListing["status"];

/** Per-listing actions of the table and the editor header. */
export type ListingRowActions = {
  unpublish: (id: string) => Promise<EditorResult<{ status: Status }>>;
  republish: (id: string) => Promise<EditorResult<{ status: Status }>>;
  duplicate: (id: string) => Promise<EditorResult>;
  deleteDraft: (id: string, stay?: boolean) => Promise<EditorResult>;
};

export type EditorActions = ListingRowActions & {
  saveDetails: (id: string, form: ListingDetailsForm) => Promise<EditorResult<{ savedAt: string; slug: string; status: Status }>>;
  saveContent: (
    id: string,
    input: { draft: ContentDraft; changelog: string },
  ) => Promise<EditorResult<{ savedAt: string; versionNumber: number; draft: ContentDraft; status: Status }>>;
  submitForApproval: (id: string) => Promise<EditorResult<{ versionNumber: number; status: Status }>>;
  discardDraft: (id: string) => Promise<EditorResult>;
  setCover: (id: string, imageId: string | null) => Promise<EditorResult>;
  renderMarkdown: (markdown: string) => Promise<string>;
  saveLicense: SaveLicense;
  checkModelFile: CheckModelFile;
};
