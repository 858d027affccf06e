// Faults the local payments driver can be told to answer with (tests, in-process): a definite refusal, a short
// platform balance, or an ambiguous outcome before or after the transfer is made (ARCHITECTURE.md, payments drivers).
import type { TransferRequest } from "./driver";

export type LocalTransferFaultKind = "definite" | "insufficient_balance" | "ambiguous_before" | "ambiguous_after";

export type LocalTransferFault = {
  /** Only transfers to this account (any when omitted). */
  destinationAccountId?: string;
  /** Only this payout's transfers (any when omitted). */
  payoutId?: string;
  /**
   * - `definite`: refused as `account_invalid`, nothing created.
   * - `insufficient_balance`: refused as `balance_insufficient`, nothing created.
   * - `ambiguous_before`: the request "times out" before reaching the provider: nothing created.
   * - `ambiguous_after`: the transfer IS created (under its key), then the answer is lost.
   */
  fault: LocalTransferFaultKind;
  /** How many matching calls fail (default 1; Infinity for every one). */
  times?: number;
};

type FaultStore = { faults: Array<Required<Pick<LocalTransferFault, "fault" | "times">> & LocalTransferFault> };
const faultStore = ((globalThis as typeof globalThis & { __agoraLocalTransferFaults?: FaultStore }).__agoraLocalTransferFaults ??= { faults: [] });

export function injectLocalTransferFault(fault: LocalTransferFault): void {
  faultStore.faults.push({ ...fault, times: fault.times ?? 1 });
}

export function clearLocalTransferFaults(): void {
  faultStore.faults.length = 0;
}

/** Faults are checked before the idempotency key: they model what the provider answers at that moment. */
export function takeFault(request: TransferRequest): LocalTransferFaultKind | null {
  const index = faultStore.faults.findIndex(
    (f) => (!f.destinationAccountId || f.destinationAccountId === request.destinationAccountId) && (!f.payoutId || f.payoutId === request.payoutId),
  );
  if (index < 0) return null;
  const fault = faultStore.faults[index];
  fault.times -= 1;
  if (fault.times <= 0) faultStore.faults.splice(index, 1);
  return fault.fault;
}
