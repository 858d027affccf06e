// The supported Node.js version is named in three places that must agree, and the server says when it runs on another.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { nodeVersionWarning, SUPPORTED_NODE_MAJOR } from "./runtime";

const root = process.cwd();

describe("supported Node.js version", () => {
  it("is the major version of .node-version and of package.json's engines (which Vercel deploys)", () => {
    const pinned = readFileSync(path.join(root, ".node-version"), "utf8").trim();
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Number(pinned.split(".")[0])).toBe(SUPPORTED_NODE_MAJOR);
    const engines = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).engines;
    expect(engines.node).toBe(`${SUPPORTED_NODE_MAJOR}.x`);
  });

  it("runs without a warning on any release of that major version", () => {
    expect(nodeVersionWarning(`v${SUPPORTED_NODE_MAJOR}.0.0`)).toBeNull();
    expect(nodeVersionWarning(`v${SUPPORTED_NODE_MAJOR}.22.3`)).toBeNull();
  });

  it("warns on an older major version, saying which one to run", () => {
    const warning = nodeVersionWarning("v20.20.2");
    expect(warning).toContain("Node.js v20.20.2");
    expect(warning).toContain(`run Node.js ${SUPPORTED_NODE_MAJOR}`);
  });

  it("warns on a newer major version without calling it outdated", () => {
    const warning = nodeVersionWarning(`v${SUPPORTED_NODE_MAJOR + 2}.1.0`);
    expect(warning).toContain(`tested and measured on Node.js ${SUPPORTED_NODE_MAJOR}`);
    expect(warning).not.toContain("Older versions");
  });
});
