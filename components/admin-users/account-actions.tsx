"use client";
// What an admin can do to an account from its page: suspend, ban, reactivate, promote, demote; each asks for a
// confirmation and a reason. An admin's own account offers none of them. The outcome is shown here, above buttons
// that change with the account's new state.
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import type { UserRow } from "@/lib/admin/users";
import type { ActionState, FormAction } from "@/lib/validated-action";
import { ReasonDialogForm } from "./reason-dialog-form";

export type AccountActions = { changeStatus: FormAction; changeRole: FormAction };

export function AccountActionsPanel({
  user,
  isSelf,
  actions,
}: {
  user: Pick<UserRow, "id" | "name" | "email" | "role" | "status">;
  isSelf: boolean;
  actions: AccountActions;
}) {
  const [statusState, statusAction, statusPending] = useActionState<ActionState, FormData>(actions.changeStatus, {});
  const [roleState, roleAction, rolePending] = useActionState<ActionState, FormData>(actions.changeRole, {});
  const status = { formAction: statusAction, state: statusState, pending: statusPending };
  const role = { formAction: roleAction, state: roleState, pending: rolePending };
  if (isSelf) {
    return <p className="text-sm text-slate-600">This is your own account: another admin has to suspend, ban or demote it.</p>;
  }
  const who = `${user.name} (${user.email})`;
  const done = [statusState, roleState].filter((s) => s.ok && s.message);
  return (
    <div className="space-y-3">
      {done.map((s) => (
        <Alert key={s.message} tone="success">
          {s.message}
        </Alert>
      ))}
      <div className="flex flex-wrap items-start gap-3">
        {user.status !== "active" ? (
          <ReasonDialogForm
            {...status}
            fields={{ userId: user.id, status: "active" }}
            label="Reactivate"
            title={`Reactivate ${user.name}?`}
            confirmLabel="Reactivate account"
            variant="primary"
            confirmVariant="primary"
          >
            {who} will be able to sign in, buy, sell and review again on their next request. They get a notification.
          </ReasonDialogForm>
        ) : null}
        {user.status === "active" ? (
          <ReasonDialogForm
            {...status}
            fields={{ userId: user.id, status: "suspended" }}
            label="Suspend"
            title={`Suspend ${user.name}?`}
            confirmLabel="Suspend account"
          >
            {who} stays signed in and keeps their library, but can&apos;t buy, sell or review until reactivated. It applies on their next request and they are
            told why.
          </ReasonDialogForm>
        ) : null}
        {user.status !== "banned" ? (
          <ReasonDialogForm
            {...status}
            fields={{ userId: user.id, status: "banned" }}
            label="Ban"
            title={`Ban ${user.name}?`}
            confirmLabel="Ban account"
            variant="danger"
          >
            {who} is signed out everywhere and can&apos;t sign in again until reactivated. Their listings and orders stay as they are.
          </ReasonDialogForm>
        ) : null}
        {user.role === "admin" ? (
          <ReasonDialogForm
            {...role}
            fields={{ userId: user.id, role: "user" }}
            label="Remove admin"
            title={`Remove ${user.name} as an admin?`}
            confirmLabel="Remove admin rights"
          >
            {who} loses access to every admin page on their next request.
          </ReasonDialogForm>
        ) : user.status === "active" ? (
          <ReasonDialogForm
            {...role}
            fields={{ userId: user.id, role: "admin" }}
            label="Make admin"
            title={`Make ${user.name} an admin?`}
            confirmLabel="Make admin"
            confirmVariant="primary"
          >
            {who} will be able to moderate, refund orders, run settlements and manage every account, including yours, once they turn on two-factor sign-in.
          </ReasonDialogForm>
        ) : null}
      </div>
    </div>
  );
}
