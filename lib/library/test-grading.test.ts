import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gradeTest, passesTest, scorePercent } from "./test-grading";

/** A test of `total` questions whose correct answer is always choice 0, and answers with the first `correct` right. */
function testOf(total: number, passMark: number) {
  const questions = Array.from({ length: total }, (_, i) => ({
    id: `q${i + 1}`,
    question: `Q${i + 1}?`,
    choices: ["A", "B"],
    correctIndex: 0,
    explanation: "",
  }));
  return { passMark, questions };
}
const answersWith = (total: number, correct: number) => Object.fromEntries(Array.from({ length: total }, (_, i) => [`q${i + 1}`, i < correct ? 0 : 1]));

describe("test grading", () => {
  it("2 of 3 correct does not pass a pass mark of 67 (66.67 % < 67 %), and shows 66 %", () => {
    expect(gradeTest(testOf(3, 67), answersWith(3, 2))).toMatchObject({ score: 2, total: 3, percent: 66, passed: false });
    expect(passesTest(2, 3, 67)).toBe(false);
  });

  it("2 of 3 correct passes a pass mark of 66, and 3 of 3 passes 100", () => {
    expect(gradeTest(testOf(3, 66), answersWith(3, 2)).passed).toBe(true);
    expect(gradeTest(testOf(3, 100), answersWith(3, 3)).passed).toBe(true);
    expect(gradeTest(testOf(3, 100), answersWith(3, 2)).passed).toBe(false);
  });

  it("passes exactly at the pass mark and not one correct answer below it", () => {
    expect(gradeTest(testOf(5, 60), answersWith(5, 3))).toMatchObject({ score: 3, percent: 60, passed: true });
    expect(gradeTest(testOf(5, 60), answersWith(5, 2))).toMatchObject({ score: 2, percent: 40, passed: false });
    expect(passesTest(1, 2, 50)).toBe(true);
    expect(passesTest(0, 2, 1)).toBe(false);
    expect(passesTest(1, 200, 1)).toBe(false);
    expect(passesTest(2, 200, 1)).toBe(true);
  });

  it("counts unanswered, out-of-range, fractional and unknown answers as wrong", () => {
    const graded = gradeTest(testOf(3, 50), { q1: 9, q2: 0.5, nope: 0 });
    expect(graded.questions.map((q) => q.chosen)).toEqual([null, null, null]);
    expect(graded.score).toBe(0);
  });

  it("a draft question without a correct answer yet (index -1) is never answered correctly", () => {
    const draft = { passMark: 50, questions: [{ id: "q1", question: "", choices: ["A", "B"], correctIndex: -1, explanation: "" }] };
    expect(gradeTest(draft, { q1: 0 })).toMatchObject({ score: 0, passed: false });
  });

  it("for every size and pass mark: passed ⇔ correct × 100 ≥ passMark × total ⇔ the shown percent reaches the pass mark", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 100 }), fc.nat(), (total, passMark, seed) => {
        const correct = seed % (total + 1);
        const passed = passesTest(correct, total, passMark);
        expect(passed).toBe(correct * 100 >= passMark * total);
        expect(passed).toBe(scorePercent(correct, total) >= passMark);
      }),
      { numRuns: 2000 },
    );
  });
});
