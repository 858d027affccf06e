"use server";
// Filing a report from a listing, a review or a storefront: zod-parsed form → lib (signed in, one open report per target,
// rate limit) → a thank-you the dialog shows.
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { fileReport } from "@/lib/reports/file";
import { reportInputSchema } from "@/lib/reports/reasons";
import { validatedAction } from "@/lib/validated-action";

export const fileReportAction = validatedAction(reportInputSchema, async (data) => {
  await fileReport(await getDb(), await getCurrentUser(), data);
  return { ok: true, message: "Thanks — a moderator will look at it. We'll tell you what we decide." };
});
