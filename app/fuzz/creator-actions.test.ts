// Fuzzing the creator's server actions — becoming a creator, the listing editor (plain-object arguments), the
// counter-notice and payout onboarding — with generated forms, objects and ids, as creators and everyone else. No
// input may end in a thrown non-domain error or an internal-error answer, and a refused one changes no row.
import fc from "fast-check";
import { vi } from "vitest";
import { hostileId, hostileMoney, hostileObject, hostileText, wrongType } from "@/lib/testing/fuzz";
import { describeFuzz, formCase, fuzzCase, fuzzWorld, type ActorName } from "@/lib/testing/fuzz-suite";
import { becomeCreatorAction } from "@/app/become-creator/actions";
import { counterNoticeAction } from "@/app/dashboard/listings/[id]/actions";
import {
  checkModelFileAction,
  createListingAction,
  deleteDraftAction,
  discardDraftAction,
  duplicateAction,
  renderMarkdownAction,
  republishAction,
  saveContentAction,
  saveDetailsAction,
  saveLicenseAction,
  setCoverAction,
  submitForApprovalAction,
  unpublishAction,
} from "@/app/dashboard/listings/actions";
import { saveLocalOnboardingAction, startPayoutOnboardingAction, submitLocalOnboardingAction } from "@/app/dashboard/payouts/onboarding/actions";

vi.mock("@/lib/auth/session", async () => (await import("@/lib/testing/fuzz-session")).fuzzSessionModule());
vi.mock("next/headers", async () => (await import("@/lib/testing/fuzz-session")).fuzzHeadersModule());
vi.mock("next/cache", async () => (await import("@/lib/testing/fuzz-session")).fuzzCacheModule());
vi.mock("@/lib/errors/domain-error", async (original) => (await import("@/lib/testing/internal-errors")).recordingInternalErrors(await original()));

/** Mostly the creator, sometimes a buyer, an admin or nobody. */
const CREATORS: ActorName[] = ["creator", "creator", "creator", "buyer", "admin", "anonymous"];
const w = fuzzWorld;

/** A listing id: one of the world's listings (live, waiting, the test) or not an id at all. */
const listingId = () =>
  fc.oneof(
    fc.constantFrom(w().live.id, w().pending.id, w().test.id),
    hostileId,
    wrongType.map((v) => v as string),
  );

/** An editor action that takes a listing id alone. */
const idCase = (name: string, action: (id: string) => Promise<unknown>, runs: number) =>
  fuzzCase<string>({ name, runs, actors: CREATORS, kind: "action", input: listingId, call: (id) => action(id) });

const details = () => ({
  title: "Watercolor portraits",
  summary: "Soft portraits",
  description: "# Hello",
  category: "writing",
  tags: "art, paint",
  price: "4.99",
});
const promptDraft = { kind: "prompt", template: "Write a {{tone}} email", variables: [], targetModel: "gpt", exampleOutputs: [] };
const testDraft = {
  kind: "test",
  questions: [{ id: "q1", question: "2+2?", choices: ["3", "4"], correctIndex: 1, explanation: "" }],
  passMark: 60,
  timeLimitMinutes: null,
};

describeFuzz("creator actions", [
  formCase("becomeCreatorAction", becomeCreatorAction, 200, ["buyer", "stranger", "creator", "anonymous"], () => ({
    handle: "fuzzy-maker",
    displayName: "Fuzzy Maker",
    bio: "I make things",
    avatarImageId: "",
  })),
  formCase("createListingAction", createListingAction, 200, CREATORS, () => ({ kind: "prompt", title: "A new prompt", category: "writing" }), {
    kind: fc.constantFrom("prompt", "preset", "template", "test", "model", "bundle"),
    category: fc.constantFrom("writing", "image-generation", "nope", "../writing"),
  }),
  fuzzCase<[string, unknown]>({
    name: "saveDetailsAction",
    runs: 300,
    actors: CREATORS,
    kind: "action",
    input: () =>
      fc.tuple(listingId(), hostileObject(details(), { price: hostileMoney, tags: fc.array(hostileText, { maxLength: 30 }).map((t) => t.join(",")) })),
    call: ([id, form]) => saveDetailsAction(id, form as never),
  }),
  fuzzCase<[string, unknown]>({
    name: "saveContentAction",
    runs: 300,
    actors: CREATORS,
    kind: "action",
    input: () =>
      fc.tuple(
        listingId(),
        hostileObject(
          { draft: promptDraft, changelog: "Fixed typos" },
          {
            draft: fc.oneof(
              hostileObject(promptDraft, {
                template: hostileText,
                variables: fc.array(hostileObject({ name: "tone", description: "", example: "" }), { maxLength: 3 }),
              }),
              hostileObject(testDraft, {
                passMark: fc.oneof(fc.integer(), fc.double()),
                questions: fc.array(hostileObject(testDraft.questions[0]), { maxLength: 3 }),
              }),
              hostileObject(
                { kind: "preset", tool: "sd", settingsText: "{}", notes: "" },
                {
                  settingsText: fc.oneof(
                    hostileText,
                    fc.jsonValue().map((v) => JSON.stringify(v)),
                  ),
                },
              ),
              hostileObject(
                { kind: "template", bodyText: "{}", notes: "" },
                {
                  bodyText: fc.oneof(
                    hostileText,
                    fc.jsonValue().map((v) => JSON.stringify(v)),
                  ),
                },
              ),
            ),
          },
        ),
      ),
    call: ([id, input]) => saveContentAction(id, input as never),
  }),
  idCase("submitForApprovalAction", submitForApprovalAction, 150),
  fuzzCase<[string, unknown]>({
    name: "saveLicenseAction",
    runs: 200,
    actors: CREATORS,
    kind: "action",
    input: () =>
      fc.tuple(
        listingId(),
        fc.oneof(
          hostileObject({ id: "cc-by-4.0" }, { id: fc.constantFrom("cc-by-4.0", "mit", "custom", "standard", "") }),
          hostileObject({
            id: "custom",
            name: "My terms",
            terms: "You may use this for anything at all.",
            commercialUse: true,
            derivatives: true,
            resaleOfOutputs: false,
            creditRequired: false,
          }),
        ),
      ),
    call: ([id, choice]) => saveLicenseAction(id, choice as never),
  }),
  fuzzCase<unknown>({
    name: "checkModelFileAction",
    runs: 100,
    actors: CREATORS,
    kind: "action",
    input: () => fc.oneof(hostileId, wrongType),
    call: (id) => checkModelFileAction(id as string),
  }),
  idCase("discardDraftAction", discardDraftAction, 100),
  fuzzCase<[string, unknown]>({
    name: "setCoverAction",
    runs: 150,
    actors: CREATORS,
    kind: "action",
    input: () => fc.tuple(listingId(), fc.oneof(fc.constant(null), hostileId, wrongType)),
    call: ([id, imageId]) => setCoverAction(id, imageId as string | null),
  }),
  idCase("unpublishAction", unpublishAction, 100),
  idCase("republishAction", republishAction, 100),
  idCase("duplicateAction", duplicateAction, 100),
  fuzzCase<[string, unknown]>({
    name: "deleteDraftAction",
    runs: 100,
    actors: CREATORS,
    kind: "action",
    input: () => fc.tuple(listingId(), wrongType),
    call: ([id, stay]) => deleteDraftAction(id, stay as boolean),
  }),
  fuzzCase<unknown>({
    name: "renderMarkdownAction",
    runs: 200,
    actors: ["creator", "creator", "creator"],
    kind: "action",
    input: () =>
      fc.oneof(
        hostileText,
        wrongType,
        fc
          .array(fc.constantFrom("# ", "[x](javascript:alert(1))", "<img src=x onerror=alert(1)>", "```", "|a|b|\n|-|-|", "\n", "*", "_"))
          .map((p) => p.join("")),
      ),
    call: (markdown) => renderMarkdownAction(markdown as string),
  }),
  formCase("counterNoticeAction", counterNoticeAction, 150, CREATORS, () => ({
    listingId: w().live.id,
    text: "This listing is my own original work, made from scratch.",
  })),
  formCase("startPayoutOnboardingAction", startPayoutOnboardingAction, 40, CREATORS, () => ({})),
  formCase(
    "submitLocalOnboardingAction",
    submitLocalOnboardingAction,
    200,
    CREATORS,
    () => ({
      accountId: "acct_local_fuzz",
      country: "US",
      routingNumber: "110000000",
      testOutcome: "verified",
      legalName: "Fuzzy Maker",
      bankAccountNumber: "000123456789",
    }),
    {
      country: fc.constantFrom("US", "us", "XX", "GB", ""),
      testOutcome: fc.constantFrom("verified", "needs_document", "x"),
      accountId: fc.constantFrom("acct_x", "acct_", "acct_local_1"),
    },
  ),
  formCase(
    "saveLocalOnboardingAction",
    saveLocalOnboardingAction,
    150,
    CREATORS,
    () => ({ accountId: "acct_local_fuzz", country: "US", routingNumber: "", testOutcome: "verified", legalName: "", bankAccountNumber: "" }),
    { country: fc.constantFrom("US", "us", "XX", "GB", "") },
  ),
]);
