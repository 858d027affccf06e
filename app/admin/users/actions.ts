"use server";
// Admin account actions from the user page: suspend, ban or reactivate, promote or demote, each with a reason.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { changeUserRole, changeUserStatus, userRoleChangeSchema, userStatusChangeSchema } from "@/lib/admin/user-access";
import { getCurrentUser } from "@/lib/auth/session";
import { validatedAction } from "@/lib/validated-action";

const STATUS_DONE = { active: "reactivated", suspended: "suspended", banned: "banned and signed out everywhere" } as const;

export const changeUserStatusAction = validatedAction(userStatusChangeSchema, async (input) => {
  const user = await changeUserStatus(await getDb(), await getCurrentUser(), input);
  revalidatePath("/admin/users", "layout");
  return { ok: true, message: `${user.name} was ${STATUS_DONE[user.status]}. They have been notified.` };
});

export const changeUserRoleAction = validatedAction(userRoleChangeSchema, async (input) => {
  const user = await changeUserRole(await getDb(), await getCurrentUser(), input);
  revalidatePath("/admin/users", "layout");
  return { ok: true, message: user.role === "admin" ? `${user.name} is now an admin.` : `${user.name} is no longer an admin.` };
});
