"use client";
// "Sign out everywhere", asked for first: every session on every device ends, this one included.
import { ConfirmButton } from "@/components/dashboard/confirm-dialog";

export function SignOutEverywhere({ action }: { action: () => Promise<void> }) {
  return (
    <ConfirmButton label="Sign out everywhere" title="Sign out on every device?" confirmLabel="Sign out everywhere" onConfirm={action}>
      Every browser and device signed in to your account is signed out, this one included. You can sign in again with your password.
    </ConfirmButton>
  );
}
