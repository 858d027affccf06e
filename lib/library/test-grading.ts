// Grading an online test (the product kind "test"): one rule for the listing editor's buyer preview and the server's
// recorded attempts, so both give the same verdict. Pure on purpose: the browser imports it too.

/**
 * The pass mark is a whole percentage of questions answered correctly, compared exactly in integers:
 * passed ⇔ correct × 100 ≥ passMark × total. No rounding: 2 of 3 correct (66.67 %) fails a pass mark of 67.
 */
export function passesTest(correct: number, total: number, passMark: number): boolean {
  return correct * 100 >= passMark * total;
}

/**
 * The score as people read it: whole percent, rounded down, so the shown percentage reaches the pass mark
 * exactly when the test is passed (66 % for 2 of 3, never a "67 %" that did not pass).
 */
export function scorePercent(correct: number, total: number): number {
  return total ? Math.floor((correct * 100) / total) : 0;
}

export type GradableQuestion = { id: string; question: string; choices: readonly string[]; correctIndex: number; explanation: string };

export type GradedQuestion = {
  id: string;
  question: string;
  choices: string[];
  chosen: number | null;
  correctIndex: number;
  correct: boolean;
  explanation: string;
};

export type TestGrade = { questions: GradedQuestion[]; score: number; total: number; percent: number; passMark: number; passed: boolean };

/** Grades answers (question id → chosen index); unanswered, out-of-range and unknown answers count as wrong. */
export function gradeTest(test: { passMark: number; questions: readonly GradableQuestion[] }, answers: Record<string, number>): TestGrade {
  const questions: GradedQuestion[] = test.questions.map((q) => {
    const given = Object.prototype.hasOwnProperty.call(answers, q.id) ? answers[q.id] : undefined;
    const chosen = given !== undefined && Number.isInteger(given) && given >= 0 && given < q.choices.length ? given : null;
    return {
      id: q.id,
      question: q.question,
      choices: [...q.choices],
      chosen,
      correctIndex: q.correctIndex,
      correct: chosen !== null && chosen === q.correctIndex,
      explanation: q.explanation,
    };
  });
  const score = questions.filter((q) => q.correct).length;
  const total = questions.length;
  return { questions, score, total, percent: scorePercent(score, total), passMark: test.passMark, passed: passesTest(score, total, test.passMark) };
}
