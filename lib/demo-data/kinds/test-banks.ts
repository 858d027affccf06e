// Question banks for seeded online tests: per exam, facts (need → correct answer) and ways to ask about them. The
// banks are data (test-banks.json); this file gives them their type and checks the parts the type cannot.
import { CATEGORY_SLUGS, type CategorySlug } from "@/lib/catalog/categories";
import banks from "./test-banks.json";

export type QuestionBank = {
  exam: string;
  category: CategorySlug;
  tags: readonly string[];
  /** Each phrasing contains `{x}`, replaced by a fact's need. */
  phrasings: readonly string[];
  /** [need, correct answer, why]; the other facts' answers are the distractors. */
  facts: readonly (readonly [string, string, string])[];
};

export const QUESTION_BANKS: readonly QuestionBank[] = banks.map((bank) => {
  const category = CATEGORY_SLUGS.find((slug) => slug === bank.category);
  if (!category) throw new Error(`test-banks.json: ${bank.exam} has an unknown category ${bank.category}`);
  return {
    ...bank,
    category,
    facts: bank.facts.map(([need, answer, why]) => [need, answer, why] as const),
  };
});
