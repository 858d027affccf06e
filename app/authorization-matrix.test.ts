// The matrix covers what exists: every route handler, "use server" export and signed-in page on disk has a row in
// app/authorization-matrix.ts, and every row names something that still exists (a new route without a row fails here).
import { describe, expect, it } from "vitest";
import {
  discoverActions,
  discoverInlineServerFunctions,
  discoverProtectedPages,
  discoverRoutes,
  type MatrixActor as LibActor,
} from "@/lib/testing/authorization";
import { ACTION_MATRIX, KEY_MATRIX, MATRIX_ACTORS, PAGE_MATRIX, ROUTE_MATRIX, type MatrixActor } from "./authorization-matrix";

const keys = (table: object) => Object.keys(table).sort();

describe("authorization matrix coverage", () => {
  it("has a row for every route handler method on disk, and none for a route that is gone", () => {
    expect(keys(ROUTE_MATRIX)).toEqual(discoverRoutes());
  });

  it('has a row for every export of every "use server" module, and none for one that is gone', () => {
    expect(keys(ACTION_MATRIX)).toEqual(discoverActions());
  });

  it("has a row for every page under /dashboard, /library, /admin, /account and /notifications", () => {
    expect(keys(PAGE_MATRIX)).toEqual(discoverProtectedPages());
  });

  it("runs API keys only against routes that have a session row too", () => {
    for (const key of keys(KEY_MATRIX)) expect(ROUTE_MATRIX[key], key).toBeDefined();
  });

  it("knows the only inline server function (the sign-in page's, a public form)", () => {
    expect(discoverInlineServerFunctions()).toEqual(["app/(auth)/signin/page.tsx"]);
  });

  it("names the same actors as the suite's world", () => {
    const libActors: LibActor[] = [...MATRIX_ACTORS];
    const appActors: MatrixActor[] = libActors;
    expect(appActors).toHaveLength(9);
  });
});
