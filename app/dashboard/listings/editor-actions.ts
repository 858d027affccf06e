// The listing actions as bundles for the dashboard pages (a "use server" module exports functions only).
import type { ListingRowActions, EditorActions } from "@/components/dashboard/editor-actions";
import {
  checkModelFileAction,
  deleteDraftAction,
  discardDraftAction,
  duplicateAction,
  renderMarkdownAction,
  republishAction,
  saveContentAction,
  saveDetailsAction,
  saveLicenseAction,
  setCoverAction,
  submitForApprovalAction,
  unpublishAction,
} from "./actions";

export const listingRowActions: ListingRowActions = {
  unpublish: unpublishAction,
  republish: republishAction,
  duplicate: duplicateAction,
  deleteDraft: deleteDraftAction,
};

export const editorActions: EditorActions = {
  ...listingRowActions,
  saveDetails: saveDetailsAction,
  saveContent: saveContentAction,
  submitForApproval: submitForApprovalAction,
  discardDraft: discardDraftAction,
  setCover: setCoverAction,
  renderMarkdown: renderMarkdownAction,
  saveLicense: saveLicenseAction,
  checkModelFile: checkModelFileAction,
};
