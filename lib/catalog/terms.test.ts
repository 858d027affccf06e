// Which of a query's tokens another one implies, for the planner's estimate of how many listings match (withoutImpliedTokens).
import { describe, expect, it } from "vitest";
import { buildTsQuery, withoutImpliedTokens, type ResolvedToken } from "./terms";

const prefix = (token: string): ResolvedToken => ({ token, known: true, word: false, corrections: [], matches: 100 });
const word = (token: string): ResolvedToken => ({ token, known: true, word: true, corrections: [], matches: 100 });
const misspelled = (token: string, ...corrections: string[]): ResolvedToken => ({ token, known: false, word: false, corrections, matches: 0 });
const left = (tokens: ResolvedToken[]) => buildTsQuery(withoutImpliedTokens(tokens));

describe("withoutImpliedTokens", () => {
  it("drops the start of a word that another token spells out further", () => {
    expect(left([prefix("produc"), prefix("produce")])).toBe("produce:*");
    expect(left([word("produce"), prefix("prod")])).toBe("produce");
  });

  it("reads a misspelling as its corrections: one that spells out another token's start makes that token implied", () => {
    expect(left([misspelled("desginers", "designers"), prefix("designe")])).toBe("(desginers:* | designers)");
    expect(left([prefix("fil"), misspelled("fjuifilm", "film")])).toBe("(fjuifilm:* | film)");
  });

  it("keeps a token when only some of another's corrections spell it out", () => {
    expect(left([misspelled("reporing", "reporting", "refactoring"), prefix("repo")])).toBe("(reporing:* | reporting | refactoring) & repo:*");
  });

  it("keeps a whole word that another token only starts with, or spells differently", () => {
    expect(left([word("film"), prefix("filmm")])).toBe("film & filmm:*");
    expect(left([word("film"), word("films")])).toBe("film & films");
  });

  it("keeps unrelated words, and one of two tokens that imply each other", () => {
    expect(left([word("python"), prefix("portr")])).toBe("python & portr:*");
    expect(left([misspelled("freleance", "freelance"), word("freelance")])).toBe("freelance");
  });
});
