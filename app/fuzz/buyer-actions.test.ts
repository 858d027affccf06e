// Fuzzing what buyers and visitors call: buying and the local checkout's buttons, test submissions, reports, reviews
// and loading more reviews (malformed cursors included). No input may end in a thrown non-domain error or an
// internal-error answer, and a refused one changes no row (lib/testing/fuzz.ts).
import fc from "fast-check";
import { vi } from "vitest";
import { hostileCursor, hostileId, hostileObject, hostileText, wrongType } from "@/lib/testing/fuzz";
import { describeFuzz, formCase, fuzzCase, fuzzWorld, type ActorName } from "@/lib/testing/fuzz-suite";
import { buyAction, cancelLocalAction, failLocalAction, payLocalAction } from "@/app/checkout/actions";
import { submitTestAction } from "@/app/library/actions";
import { fileReportAction } from "@/app/reports/actions";
import { createReviewAction, editReviewAction, hideReviewAction, loadReviewsAction, replyToReviewAction, restoreReviewAction } from "@/app/reviews/actions";

vi.mock("@/lib/auth/session", async () => (await import("@/lib/testing/fuzz-session")).fuzzSessionModule());
vi.mock("next/headers", async () => (await import("@/lib/testing/fuzz-session")).fuzzHeadersModule());
vi.mock("next/cache", async () => (await import("@/lib/testing/fuzz-session")).fuzzCacheModule());
vi.mock("@/lib/errors/domain-error", async (original) => (await import("@/lib/testing/internal-errors")).recordingInternalErrors(await original()));

const BUYERS: ActorName[] = ["buyer", "buyer", "stranger", "creator", "admin", "anonymous"];
const w = fuzzWorld;

const rating = fc.constantFrom("1", "5", "0", "6", "4.5", "-1", "1e309", "NaN", "", "٣");
const sessionId = fc.oneof(
  hostileText,
  fc.constantFrom("cs_local_x", "cs_local_", "cs_test_123"),
  fc.uuid().map((u) => `cs_local_${u}`),
);

describeFuzz("buyer actions", [
  formCase("buyAction", buyAction, 200, BUYERS, () => ({ listingId: w().live.id, slug: w().live.slug })),
  formCase("payLocalAction", payLocalAction, 100, BUYERS, () => ({ sessionId: "cs_local_fuzz" }), { sessionId }),
  formCase("failLocalAction", failLocalAction, 80, BUYERS, () => ({ sessionId: "cs_local_fuzz" }), { sessionId }),
  formCase("cancelLocalAction", cancelLocalAction, 80, BUYERS, () => ({ sessionId: "cs_local_fuzz" }), { sessionId }),
  fuzzCase<unknown>({
    name: "submitTestAction",
    runs: 250,
    actors: BUYERS,
    kind: "action",
    input: () =>
      hostileObject(
        { listingId: w().test.id, versionNumber: 1, answers: { q1: 0, q2: 1, q3: 2 } },
        {
          versionNumber: fc.oneof(fc.integer(), fc.double(), fc.constantFrom("1", "1e309", "-1", "NaN", 2 ** 53)),
          answers: fc.oneof(
            fc.dictionary(hostileText, fc.oneof(fc.integer(), fc.double(), wrongType), { maxKeys: 5 }),
            fc.dictionary(fc.constantFrom("q1", "q2", "q3", "__proto__", "constructor"), fc.integer({ min: -2, max: 60 })),
          ),
          listingId: fc.oneof(hostileId, fc.constant(w().live.id)),
        },
      ),
    call: (input) => submitTestAction(input),
  }),
  formCase(
    "fileReportAction",
    fileReportAction,
    250,
    BUYERS,
    () => ({
      targetType: "listing",
      targetId: w().pending.id,
      reason: "copyright",
      details: "It copies my pack.",
      claimedWork: "My pack",
      claimantContact: "me@example.com",
      goodFaith: "on",
    }),
    {
      targetType: fc.constantFrom("listing", "review", "creator", "user", ""),
      reason: fc.constantFrom("spam", "misleading", "malicious_file", "copyright", "offensive", "other", "x"),
      goodFaith: fc.constantFrom("on", "true", "false", "off", "1"),
      targetId: fc.oneof(
        hostileId,
        fc.constant(null).chain(() => fc.constantFrom(w().live.id, w().reviewId, w().creator.id)),
      ),
    },
  ),
  formCase("createReviewAction", createReviewAction, 200, BUYERS, () => ({ listingId: w().test.id, rating: "5", body: "Clear questions, fair pass mark." }), {
    rating,
  }),
  formCase("editReviewAction", editReviewAction, 200, BUYERS, () => ({ reviewId: w().reviewId, rating: "3", body: "Still good, but dated." }), { rating }),
  formCase("replyToReviewAction", replyToReviewAction, 150, ["creator", "creator", "buyer", "admin", "anonymous"], () => ({
    reviewId: w().reviewId,
    reply: "Thanks for the kind words!",
  })),
  formCase("hideReviewAction", hideReviewAction, 120, ["admin", "admin", "creator", "buyer", "anonymous"], () => ({
    reviewId: w().reviewId,
    reason: "Off-topic",
  })),
  formCase("restoreReviewAction", restoreReviewAction, 100, ["admin", "admin", "creator", "buyer", "anonymous"], () => ({ reviewId: w().reviewId })),
  fuzzCase<unknown>({
    name: "loadReviewsAction",
    runs: 300,
    actors: BUYERS,
    kind: "action",
    input: () =>
      hostileObject(
        { listingId: w().live.id, sort: "newest", cursor: null },
        {
          cursor: hostileCursor,
          sort: fc.constantFrom("newest", "highest", "lowest", "helpful", "x"),
          listingId: fc.oneof(hostileId, fc.constant(w().live.slug)),
        },
      ),
    call: (input) => loadReviewsAction(input),
  }),
]);
