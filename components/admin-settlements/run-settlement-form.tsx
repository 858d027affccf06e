"use client";
// "Run or continue a period": pick a closed month, confirm in a dialog, then the settlement runs for it.
import { useActionState, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { FormError } from "@/components/ui/field";
import { formatMonth } from "@/lib/format";
import type { ActionState } from "@/lib/validated-action";

function monthLabel(period: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return period;
  const [y, m] = period.split("-").map(Number);
  return formatMonth(Date.UTC(y, m - 1, 1));
}

export function RunSettlementForm({
  defaultPeriod,
  latestPeriod,
  action,
  title = "Run or continue a period",
}: {
  defaultPeriod: string;
  /** The last closed month: later months cannot be settled yet. */
  latestPeriod: string;
  action: (state: ActionState, data: FormData) => Promise<ActionState>;
  title?: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const [period, setPeriod] = useState(state.values?.period ?? defaultPeriod);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (pending) dialog.current?.close();
  }, [pending]);

  return (
    <section aria-labelledby="run-title" className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id="run-title" className="text-lg font-semibold">
        {title}
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        The daily cron settles each closed month on its own. Running it here does the same work now; running a month again only continues what is left and never
        pays anyone twice.
      </p>
      <form action={formAction} className="mt-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="settle-period" className="block text-sm font-medium text-slate-700">
            Month
          </label>
          <input
            id="settle-period"
            name="period"
            type="month"
            required
            max={latestPeriod}
            value={period}
            onChange={(e) => setPeriod(e.target.value)}
            className="mt-1 block rounded-lg border border-slate-300 px-3 py-2 text-sm"
          />
        </div>
        <Button type="button" disabled={pending || !period} onClick={() => dialog.current?.showModal()}>
          {pending ? "Running…" : "Run or continue"}
        </Button>

        <dialog
          ref={dialog}
          aria-labelledby="confirm-run-title"
          aria-describedby="confirm-run-text"
          className="m-auto w-full max-w-md rounded-2xl p-6 shadow-xl backdrop:bg-slate-900/40"
        >
          <h3 id="confirm-run-title" className="text-lg font-semibold">
            Settle {monthLabel(period)}?
          </h3>
          <p id="confirm-run-text" className="mt-2 text-sm text-slate-600">
            Every creator whose balance is payable and whose payout account is active gets a Stripe transfer now. Others are held with a reason they can see.
            This cannot be undone, but running it again is safe.
          </p>
          <div className="mt-6 flex flex-wrap justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" autoFocus>
              Yes, settle {monthLabel(period)}
            </Button>
          </div>
        </dialog>
      </form>
      <div className="mt-3 space-y-2" aria-live="polite">
        <FormError message={state.error} />
        {state.message && !pending ? <Alert tone="success">{state.message}</Alert> : null}
        {pending ? <p className="text-sm text-slate-600">Settling {monthLabel(period)}… this can take a few minutes for many creators.</p> : null}
      </div>
    </section>
  );
}
