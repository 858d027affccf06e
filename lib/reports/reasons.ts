// What a report may say (shared by the report form and the server): the reasons, and the fields a takedown notice needs.
import { z } from "zod";
import { uuidSchema } from "@/lib/uuid";

export const REPORT_REASONS = ["spam", "misleading", "malicious_file", "copyright", "offensive", "other"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  spam: "Spam",
  misleading: "Misleading",
  malicious_file: "Malicious or unsafe file",
  copyright: "Copyright or ownership claim",
  offensive: "Offensive",
  other: "Other",
};

export const REPORT_TARGET_TYPES = ["listing", "review", "creator"] as const;
export type ReportTargetType = (typeof REPORT_TARGET_TYPES)[number];

export const REPORT_TARGET_LABELS: Record<ReportTargetType, string> = { listing: "listing", review: "review", creator: "creator" };

/** "on" from a checkbox, true from JSON. */
const checked = z.union([z.literal("on"), z.literal("true"), z.literal(true)]).optional();

export const reportInputSchema = z
  .object({
    targetType: z.enum(REPORT_TARGET_TYPES, "Unknown report target."),
    targetId: uuidSchema("Unknown report target."),
    reason: z.enum(REPORT_REASONS, "Pick a reason."),
    details: z.string().trim().max(4000, "Keep the details under 4,000 characters.").default(""),
    claimedWork: z.string().trim().max(2000, "Keep the description of your work under 2,000 characters.").default(""),
    claimantContact: z.string().trim().max(500, "Keep your contact details under 500 characters.").default(""),
    goodFaith: checked,
  })
  .superRefine((value, ctx) => {
    if (value.reason === "other" && value.details.length < 10) {
      ctx.addIssue({ code: "custom", path: ["details"], message: "Tell us what is wrong (10 characters or more)." });
    }
    if (value.reason !== "copyright") return;
    if (value.claimedWork.length < 10)
      ctx.addIssue({ code: "custom", path: ["claimedWork"], message: "Describe the work you own and where it is (10 characters or more)." });
    if (value.claimantContact.length < 5)
      ctx.addIssue({ code: "custom", path: ["claimantContact"], message: "Give a name and an email or postal address we can reach you at." });
    if (!value.goodFaith) ctx.addIssue({ code: "custom", path: ["goodFaith"], message: "Confirm the good-faith statement to send a copyright claim." });
  });
export type ReportInput = z.input<typeof reportInputSchema>;

export const GOOD_FAITH_STATEMENT =
  "I believe in good faith that this use is not authorized by the owner of the work, its agent or the law, and the information in this notice is accurate.";
