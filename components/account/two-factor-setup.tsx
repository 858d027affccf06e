"use client";
// Turning two-factor sign-in on: scan the QR code (or type the key), confirm with a code, then keep the recovery codes.
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { RecoveryCodes } from "./recovery-codes";

export type TwoFactorSetupActions = {
  start: () => Promise<{ qrDataUrl: string; secret: string } | { error: string }>;
  confirm: (state: { codes?: string[]; error?: string }, data: FormData) => Promise<{ codes?: string[]; error?: string }>;
};

export function TwoFactorSetup({ actions }: { actions: TwoFactorSetupActions }) {
  const [enrolment, setEnrolment] = useState<{ qrDataUrl: string; secret: string } | null>(null);
  const [startError, setStartError] = useState<string>();
  const [starting, setStarting] = useState(false);
  const [state, confirm, pending] = useActionState(actions.confirm, {});

  if (state.codes) {
    return (
      <div className="space-y-3">
        <p className="text-sm font-medium text-emerald-700" role="status">
          Two-factor sign-in is on.
        </p>
        <RecoveryCodes codes={state.codes} />
      </div>
    );
  }
  if (!enrolment) {
    return (
      <div className="space-y-3">
        <FormError message={startError} />
        <Button
          type="button"
          disabled={starting}
          onClick={async () => {
            setStarting(true);
            const result = await actions.start();
            setStarting(false);
            if ("error" in result) setStartError(result.error);
            else setEnrolment(result);
          }}
        >
          {starting ? "Preparing…" : "Turn on two-factor sign-in"}
        </Button>
      </div>
    );
  }
  return (
    <form action={confirm} className="space-y-4" noValidate>
      <FormError message={state.error} />
      <ol className="list-decimal space-y-3 pl-5 text-sm text-slate-700">
        <li>
          Scan this QR code with an authenticator app (1Password, Google Authenticator, Authy…).
          {/* A data: URL made on the server; next/image has nothing to optimise here. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={enrolment.qrDataUrl} alt="QR code for your authenticator app" width={180} height={180} className="mt-2 rounded border border-slate-200" />
          <p className="mt-2">
            Can’t scan it? Enter this key: <code className="break-all rounded bg-slate-100 px-1 font-mono text-xs">{enrolment.secret}</code>
          </p>
        </li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      <Field label="Code from the app" name="code" autoComplete="one-time-code" inputMode="numeric" required />
      <Button type="submit" disabled={pending}>
        {pending ? "Checking…" : "Confirm and turn on"}
      </Button>
    </form>
  );
}
