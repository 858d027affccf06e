// The authorization matrix for pages under /dashboard, /library, /admin, /account and /notifications
// (app/authorization-matrix.ts, PAGE_MATRIX): each page, an async server component, called as every actor with the
// params of an object someone else owns; a redirect()/notFound() it throws or the element it renders is the outcome.
// Only Auth.js's session lookup is replaced (the actor's user id); loadActor, the guards and the pages are real.
import { afterAll, describe, it, vi } from "vitest";
import { testDatabase } from "@/db/testing/setup";
import { startPayoutOnboarding } from "@/lib/creators/connect";
import { paymentsDriver } from "@/lib/payments/driver";
import { matrixWorld, observe, revisionOfC, runRow, tallyLine, type MatrixWorld } from "@/lib/testing/authorization";
import { makeListing } from "@/lib/testing/fixtures";
import { MATRIX_ACTORS, PAGE_MATRIX, expectedOutcome } from "./authorization-matrix";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/config", () => ({
  auth: async () => (session.userId ? { user: { id: session.userId }, sessionVersion: 1 } : null),
  githubEnabled: () => false,
}));
vi.mock("next/cache", () => ({ refresh: () => {}, revalidateTag: () => {}, revalidatePath: () => {}, unstable_cache: <T>(fn: T) => fn }));

type PageProps = { params: Promise<Record<string, string>>; searchParams: Promise<Record<string, string>> };
type Page = (props: PageProps) => Promise<unknown>;

const LAST_MONTH = (() => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
})();

/** The params and search params each page is opened with: an object that belongs to someone (see the row's target). */
const PROPS: Record<string, (w: MatrixWorld) => Promise<{ params?: Record<string, string>; searchParams?: Record<string, string> }>> = {
  "app/admin/moderation/[versionId]/page.tsx": async (w) => {
    const pending = await makeListing(w.db, w.creatorC, { status: "pending_review", versions: [{ status: "pending_review" }] });
    return { params: { versionId: pending.versionId } };
  },
  "app/admin/moderation/changes/[revisionId]/page.tsx": async (w) => ({ params: { revisionId: await revisionOfC(w) } }),
  "app/admin/listings/[listingId]/page.tsx": async (w) => ({ params: { listingId: w.presetC.id } }),
  "app/admin/reports/[reportId]/page.tsx": async (w) => ({ params: { reportId: w.reportA } }),
  "app/admin/settlements/[period]/page.tsx": async () => ({ params: { period: LAST_MONTH } }),
  "app/admin/users/[id]/page.tsx": async (w) => ({ params: { id: w.actors.buyerB.id } }),
  "app/dashboard/listings/[id]/page.tsx": async (w) => ({ params: { id: w.draftC.id } }),
  "app/dashboard/payouts/onboarding/local/page.tsx": async (w) => {
    const { accountId } = await startPayoutOnboarding(w.db, await paymentsDriver(), w.creatorC, {
      returnUrl: "http://localhost/r",
      refreshUrl: "http://localhost/f",
    });
    return { searchParams: { account: accountId } };
  },
  "app/dashboard/payouts/statements/[period]/page.tsx": async () => ({ params: { period: LAST_MONTH } }),
  "app/library/[listingId]/page.tsx": async (w) => ({ params: { listingId: w.presetC.id } }),
  "app/library/orders/[orderId]/page.tsx": async (w) => ({ params: { orderId: w.orderA.id } }),
};

describe("authorization matrix: pages × actors", () => {
  for (const [key, row] of Object.entries(PAGE_MATRIX)) {
    it(`${key} — ${row.target}`, async () => {
      const { db } = testDatabase();
      const w = await matrixWorld(db);
      const props = (await PROPS[key]?.(w)) ?? {};
      const page = ((await import(/* @vite-ignore */ `@/${key.replace(/\.tsx$/, "")}`)) as { default: Page }).default;
      const cells = MATRIX_ACTORS.map((caller) => ({ caller, expected: expectedOutcome(row, caller)! }));
      await runRow(db, key, cells, async (caller) => {
        session.userId = w.ids[caller as (typeof MATRIX_ACTORS)[number]];
        try {
          return await observe(() => page({ params: Promise.resolve(props.params ?? {}), searchParams: Promise.resolve(props.searchParams ?? {}) }));
        } finally {
          session.userId = null;
        }
      });
    });
  }
});

afterAll(() => console.info(tallyLine("pages")));
