// Seeded online-test listings: practice exams built from question banks, with choices, answers and explanations.
import type { Random } from "../random";
import { QUESTION_BANKS, type QuestionBank } from "./test-banks";
import type { ContentInput, ListingDraft } from "./types";

type Question = { id: string; question: string; choices: string[]; correctIndex: number; explanation: string };

/** Up to facts × phrasings distinct questions; each has four choices, the wrong ones taken from other facts. */
function buildQuestions(rng: Random, bank: QuestionBank, count: number, idOffset = 0): Question[] {
  const slots: [number, number][] = [];
  for (let p = 0; p < bank.phrasings.length; p++) for (let f = 0; f < bank.facts.length; f++) slots.push([f, p]);
  return rng.sample(slots, count).map(([factIndex, phrasingIndex], i) => {
    const [need, answer, why] = bank.facts[factIndex];
    const distractors = rng.sample(
      bank.facts.filter((_, j) => j !== factIndex).map((fact) => fact[1]),
      3,
    );
    const correctIndex = rng.int(0, distractors.length);
    const choices = [...distractors];
    choices.splice(correctIndex, 0, answer);
    return {
      id: `q${i + 1 + idOffset}`,
      question: bank.phrasings[phrasingIndex].replace("{x}", need),
      choices,
      correctIndex,
      explanation: `${answer[0].toUpperCase()}${answer.slice(1)}: ${why}`,
    };
  });
}

const LEVELS = ["Beginner", "Intermediate", "Advanced", "Exam-Level"] as const;
const CHANGES = [
  "Added new questions covering the latest exam guide.",
  "Rewrote explanations for clarity.",
  "Fixed an ambiguous answer reported by a buyer.",
  "Rebalanced difficulty across sections.",
];

export function generateTest(rng: Random): ListingDraft {
  const bank = rng.pick(QUESTION_BANKS);
  const capacity = bank.facts.length * bank.phrasings.length;
  const count = Math.min(
    capacity,
    rng.weighted<number>([
      [10, 3],
      [15, 3],
      [20, 3],
      [25, 2],
      [30, 2],
      [40, 1],
      [65, 1],
    ]),
  );
  const level = rng.pick(LEVELS);
  const passMark = rng.pick([60, 65, 70, 72, 75, 80]);
  const timeLimit = Math.max(5, Math.round(count * rng.pick([1, 1.5, 2])));
  const set = rng.pick(["", "", " Set 1", " Set 2", " Set 3", " Part A", " Part B", " 2026 Edition"]);
  const title = rng.weighted<string>([
    [`${bank.exam} Practice Test${set} (${count} questions)`, 4],
    [`${bank.exam} Quiz: ${level} (${count} questions)`, 2],
    [`${bank.exam} Mock Exam${set} with Explanations`, 2],
    [`${level} ${bank.exam} Self-Assessment${set}`, 1],
    [`${count} ${level} ${bank.exam} Questions${set}`, 1],
  ]);
  const questions = buildQuestions(rng, bank, count);

  const contentFor = (version: number): ContentInput => {
    const extra = version === 1 ? [] : buildQuestions(rng, bank, Math.min(5 * (version - 1), capacity - questions.length), questions.length);
    return { kind: "test", questions: [...questions, ...extra], passMark, timeLimitMinutes: timeLimit };
  };

  return {
    category: bank.category,
    title,
    summary: `${count} ${level.toLowerCase()} questions on ${bank.exam} with instant scoring and an explanation for every answer. Pass mark ${passMark}%.`,
    tags: [...bank.tags, ...bank.exam.toLowerCase().split(/\W+/), "practice", "test", "quiz"],
    highlights: [
      `${count} multiple-choice questions with four options each`,
      "A short explanation for every correct answer",
      `Timed mode: ${timeLimit} minutes, pass mark ${passMark}%`,
      "Unlimited attempts; your score history stays in your library",
    ],
    steps: [
      "Open the test from your library.",
      "Answer every question before the timer runs out.",
      "Review the explanations for anything you missed, then retake it.",
    ],
    contentFor,
    changelogFor: () => rng.pick(CHANGES),
  };
}
