"use server";
// Becoming a creator: parse, check the actor in lib, then go to the dashboard.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { becomeCreator, creatorProfileSchema } from "@/lib/creators/profile";
import { validatedAction } from "@/lib/validated-action";

export const becomeCreatorAction = validatedAction(creatorProfileSchema, async (data) => {
  await becomeCreator(await getDb(), await getCurrentUser(), data);
  revalidatePath("/", "layout");
  redirect("/dashboard");
});
