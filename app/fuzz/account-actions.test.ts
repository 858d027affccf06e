// Fuzzing the sign-in, account, API key, data and email server actions with generated forms and arguments, as
// signed-out visitors and as signed-in people. No input may end in a thrown non-domain error (Next's redirect is the
// only thing they may throw) or an internal-error answer, and a refused one changes no row (lib/testing/fuzz.ts).
import fc from "fast-check";
import { vi } from "vitest";
import { formDataOf, hostileField, hostileForm, hostileId, hostileText, wrongType, type FormEntry } from "@/lib/testing/fuzz";
import { describeFuzz, formCase, fuzzCase, fuzzWorld, type ActorName } from "@/lib/testing/fuzz-suite";
import {
  confirmEmailAction,
  confirmEmailChangeAction,
  requestPasswordResetAction,
  resetPasswordAction,
  signInAction,
  signOutAction,
  signUpAction,
} from "@/app/(auth)/actions";
import {
  changeEmailAction,
  changePasswordAction,
  confirmTwoFactorAction,
  disableTwoFactorAction,
  linkGithubAction,
  regenerateRecoveryCodesAction,
  resendVerificationAction,
  signOutEverywhereAction,
  startTwoFactorAction,
  unlinkGithubAction,
} from "@/app/account/actions";
import { createApiKeyAction, revokeApiKeyAction } from "@/app/account/api-keys/actions";
import { deleteAccountAction } from "@/app/account/data/actions";
import { saveEmailPreferencesAction } from "@/app/account/notifications/actions";
import { runSweepAction } from "@/app/dev/mail/actions";
import { unsubscribeAction } from "@/app/email/unsubscribe/actions";
import { markAllReadAction } from "@/app/notifications/actions";

vi.mock("@/lib/auth/session", async () => (await import("@/lib/testing/fuzz-session")).fuzzSessionModule());
vi.mock("next/headers", async () => (await import("@/lib/testing/fuzz-session")).fuzzHeadersModule());
vi.mock("next/cache", async () => (await import("@/lib/testing/fuzz-session")).fuzzCacheModule());
// Auth.js does not load under Vitest (it imports "next/server" without an extension); the actions only need its error class.
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("@/lib/auth/config", async () => (await import("@/lib/testing/fuzz-session")).fuzzAuthConfigModule());
vi.mock("@/lib/errors/domain-error", async (original) => (await import("@/lib/testing/internal-errors")).recordingInternalErrors(await original()));

const SIGNED_IN: ActorName[] = ["buyer", "buyer", "creator", "admin", "anonymous"];
const ANYONE: ActorName[] = ["anonymous", "anonymous", "buyer"];

/** An action that takes no input: only who calls it varies. */
const bareCase = (name: string, action: () => Promise<unknown>, actors: ActorName[]) =>
  fuzzCase<null>({ name, runs: 10, actors, kind: "action", input: () => fc.constant(null), call: () => action() });

const email = fc.oneof(
  hostileText,
  fc.emailAddress(),
  fc.constantFrom("a@b", "@x.com", "x@", "a@b.c\u0000", "ＡＢＣ@example.com", "a@exa\u200Bmple.com", `${"a".repeat(300)}@x.com`, "\u202Eeve@x.com"),
);
const code = fc.oneof(hostileText, fc.stringMatching(/^[0-9]{6}$/), fc.constantFrom("000000", "123 456", "abcd-efgh-ijkl", "999999999999"));
const returnTo = fc.constantFrom("/library", "//evil.example", "https://evil.example/", "/\\evil", "javascript:alert(1)", "/%2F%2Fevil", "\u0000/");
const w = fuzzWorld;

describeFuzz("account actions", [
  formCase("signInAction", signInAction, 200, ANYONE, () => ({ email: w().buyer.email, password: "not-the-password-1", returnTo: "/library" }), {
    email,
    returnTo,
    challenge: hostileText,
  }),
  formCase("signInAction (code step)", signInAction, 100, ANYONE, () => ({ challenge: "abc.def", code: "123456", email: w().buyer.email }), {
    challenge: fc.oneof(
      hostileText,
      fc.uint8Array({ maxLength: 80 }).map((b) => Buffer.from(b).toString("base64url")),
    ),
    code,
  }),
  formCase(
    "signUpAction",
    signUpAction,
    200,
    ANYONE,
    () => ({ name: "Fuzz Person", email: `fuzz-${Date.now()}@example.com`, password: "long enough 123", returnTo: "/" }),
    {
      email,
      returnTo,
    },
  ),
  formCase("requestPasswordResetAction", requestPasswordResetAction, 150, ANYONE, () => ({ email: w().buyer.email }), { email }),
  formCase("resetPasswordAction", resetPasswordAction, 150, ANYONE, () => ({ token: "abc", password: "long enough 123" })),
  formCase("confirmEmailAction", confirmEmailAction, 100, ANYONE, () => ({ token: "abc" })),
  formCase("confirmEmailChangeAction", confirmEmailChangeAction, 100, ANYONE, () => ({ token: "abc" })),
  bareCase("signOutAction", signOutAction, SIGNED_IN),
  formCase("resendVerificationAction", resendVerificationAction, 40, SIGNED_IN, () => ({})),
  formCase("changeEmailAction", changeEmailAction, 150, SIGNED_IN, () => ({ newEmail: "new-address@example.com", password: "not-the-password-1" }), {
    newEmail: email,
  }),
  formCase("changePasswordAction", changePasswordAction, 150, SIGNED_IN, () => ({ currentPassword: "not-the-password-1", newPassword: "long enough 456" })),
  bareCase("signOutEverywhereAction", signOutEverywhereAction, SIGNED_IN),
  bareCase("startTwoFactorAction", startTwoFactorAction, SIGNED_IN),
  formCase("confirmTwoFactorAction", confirmTwoFactorAction, 120, SIGNED_IN, () => ({ code: "123456" }), { code }),
  formCase("regenerateRecoveryCodesAction", regenerateRecoveryCodesAction, 120, SIGNED_IN, () => ({ code: "123456" }), { code }),
  formCase("disableTwoFactorAction", disableTwoFactorAction, 120, SIGNED_IN, () => ({ password: "not-the-password-1", code: "123456" }), { code }),
  bareCase("linkGithubAction", linkGithubAction, SIGNED_IN),
  formCase("unlinkGithubAction", unlinkGithubAction, 30, SIGNED_IN, () => ({})),
  fuzzCase<FormEntry[]>({
    name: "createApiKeyAction",
    runs: 150,
    actors: SIGNED_IN,
    kind: "action",
    input: () =>
      fc
        .tuple(
          hostileForm({ name: "My script" }),
          fc.array(fc.oneof(fc.constantFrom("library:read", "downloads", "admin", "*", ""), hostileText), { maxLength: 4 }),
        )
        .map(([form, scopes]) => [...form, ...scopes.map((s): FormEntry => ["scopes", s])]),
    call: (entries) => createApiKeyAction({}, formDataOf(entries)),
  }),
  fuzzCase<unknown>({
    name: "revokeApiKeyAction",
    runs: 150,
    actors: SIGNED_IN,
    kind: "action",
    input: () => fc.oneof(hostileId, wrongType),
    call: (keyId) => revokeApiKeyAction(keyId as string),
  }),
  formCase("deleteAccountAction", deleteAccountAction, 150, SIGNED_IN, () => ({ password: "not-the-password-1", confirmEmail: w().buyer.email, code: "" }), {
    confirmEmail: email,
    code,
  }),
  formCase(
    "saveEmailPreferencesAction",
    saveEmailPreferencesAction,
    150,
    SIGNED_IN,
    () => ({ saleEmails: "digest", newVersionEmails: "on", payoutEmails: "" }),
    {
      saleEmails: fc.constantFrom("each", "digest", "off", "ON", "none"),
      newVersionEmails: fc.constantFrom("on", "true", "1", "off", "yes"),
    },
  ),
  fuzzCase<FormEntry[]>({
    name: "unsubscribeAction",
    runs: 150,
    actors: ANYONE,
    kind: "action",
    input: () =>
      hostileForm(
        { token: "abc.def" },
        {
          token: fc.oneof(
            hostileField,
            fc.uint8Array({ maxLength: 100 }).map((b) => Buffer.from(b).toString("base64url")),
          ),
        },
      ),
    call: (entries) => unsubscribeAction(formDataOf(entries)),
  }),
  bareCase("markAllReadAction", markAllReadAction, SIGNED_IN),
  fuzzCase<FormEntry[]>({
    name: "runSweepAction",
    runs: 30,
    actors: ANYONE,
    kind: "action",
    input: () => hostileForm({ releaseDigests: "1" }),
    call: (entries) => runSweepAction(formDataOf(entries)),
  }),
]);
