// What the production server's admission queue (scripts/server/admission.mjs) says about this process's load, when it
// runs behind it: `npm start` puts its figures on globalThis. On Vercel, or under `next dev`, there are none.

/** The queue's figures (see scripts/server/admission.d.mts). */
export type AdmissionStats = { active: number; queued: number; admitted: number; refused: number; abandoned: number; released: number };

export function admissionStats(): AdmissionStats | undefined {
  return (globalThis as typeof globalThis & { __agoraAdmission?: AdmissionStats }).__agoraAdmission;
}

/**
 * Whether requests are waiting for a slot: every slot is taken and more work came. Optional work a request would leave
 * behind (keeping a search term's facet cells) waits for a quieter moment then, rather than take Postgres CPU from the
 * requests in line.
 */
export function serverSaturated(): boolean {
  return (admissionStats()?.queued ?? 0) > 0;
}
