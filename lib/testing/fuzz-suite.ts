// One fuzz suite: a describe block that builds the fuzz world, runs each case's generated inputs through
// fuzzTarget as the actors the case names, and prints how many inputs the file tried (lib/testing/fuzz.ts).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing/setup";
import type { Actor } from "@/lib/auth/actor";
import { actionVerdict, formDataOf, fuzzTarget, hostileForm, inputCounts, outcomeOf, routeVerdict, type FormEntry } from "./fuzz";
import { fuzzActor } from "./fuzz-session";
import { makeFuzzWorld, type FuzzWorld } from "./fuzz-world";

export type ActorName = "admin" | "creator" | "buyer" | "stranger" | "anonymous";

let world: FuzzWorld | undefined;

/** The world the current suite built (inside a case's input or call). */
export function fuzzWorld(): FuzzWorld {
  if (!world) throw new Error("the fuzz world is built in beforeAll");
  return world;
}

const actorNamed = (name: ActorName): Actor | null => (name === "anonymous" ? null : fuzzWorld()[name]);

/**
 * One target: `input` builds the arbitrary (after the world exists), `call` runs one input. A server action is judged
 * by its answer (`action`), a route handler by its Response (`route`).
 */
export type FuzzCase<T> = {
  name: string;
  runs: number;
  actors: ActorName[];
  input: () => fc.Arbitrary<T>;
  call: (input: T) => Promise<unknown>;
  kind: "action" | "route";
  /** For an input the target accepted: why it should not have been (null when it was valid). */
  accepted?: (input: T) => string | null;
};

/** Erases a case's input type so cases of different inputs share one list. */
export const fuzzCase = <T>(c: FuzzCase<T>) => c as unknown as FuzzCase<unknown>;

/** A form action `(state, form)`, as the fuzz suites call it. */
export type FormAction = (state: never, form: FormData) => Promise<unknown>;

/** A form action's case: hostile forms grown from a valid `baseline` (fields in `tuned` get their own values). */
export const formCase = (
  name: string,
  action: FormAction,
  runs: number,
  actors: ActorName[],
  baseline: () => Record<string, string>,
  tuned: Record<string, fc.Arbitrary<string>> = {},
) =>
  fuzzCase<FormEntry[]>({
    name,
    runs,
    actors,
    kind: "action",
    input: () => hostileForm(baseline(), tuned),
    call: (entries) => action({} as never, formDataOf(entries)),
  });

export function describeFuzz(area: string, cases: FuzzCase<unknown>[], options: { setup?: (world: FuzzWorld) => Promise<void> } = {}) {
  describe(`${area} under generated input`, () => {
    beforeAll(async () => {
      world = await makeFuzzWorld(testDatabase().db);
      await options.setup?.(world);
    });
    afterAll(() => {
      const { perTarget, total } = inputCounts();
      console.info(`[fuzz] ${area}: ${total} inputs`, perTarget);
    });

    for (const c of cases) {
      const what = c.kind === "action" ? "never an internal error" : "never a 5xx";
      it(`${c.name}: ${what}, and a refused input changes nothing`, async () => {
        const input = fc.tuple(
          fc.constantFrom(...c.actors),
          fc.constant(null).chain(() => c.input()),
        );
        const findings = await fuzzTarget(
          testDatabase().db,
          c.name,
          input,
          async ([actor, value]) => {
            fuzzActor.current = actorNamed(actor);
            const outcome = await outcomeOf(() => c.call(value));
            const verdict = c.kind === "action" ? actionVerdict(outcome) : await routeVerdict(outcome);
            const invalid = !verdict.failure && !verdict.rejected && outcome.kind === "returned" ? (c.accepted?.(value) ?? null) : null;
            return invalid ? { ...verdict, failure: `accepted an invalid input: ${invalid}` } : verdict;
          },
          c.runs,
        );
        expect(findings).toEqual([]);
        expect(inputCounts().perTarget[c.name]).toBe(c.runs);
      }, 300_000);
    }
  });
}
