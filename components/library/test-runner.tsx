"use client";
// Taking an online test in the browser: answer, submit for grading on the server, then see score and explanations.
import { useEffect, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { Alert } from "@/components/ui/alert";
import type { TestForTaker } from "@/lib/library/delivery";
import type { TestResult } from "@/lib/library/test-attempts";

/** The server action that grades a submission (app/library/actions.ts submitTestAction). */
export type SubmitTest = (input: {
  listingId: string;
  versionNumber: number;
  answers: Record<string, number>;
}) => Promise<{ ok: true; result: TestResult } | { ok: false; error: string }>;

const LETTERS = "ABCDEFGH";

function Countdown({ minutes, startedAt, onExpire }: { minutes: number; startedAt: number; onExpire: () => void }) {
  const [now, setNow] = useState(startedAt);
  const left = Math.max(0, startedAt + minutes * 60_000 - now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (left === 0) onExpire();
  }, [left, onExpire]);
  const mm = Math.floor(left / 60_000);
  const ss = Math.floor((left % 60_000) / 1000);
  return (
    <span className={`tabular-nums ${left < 60_000 ? "font-semibold text-red-700" : ""}`} aria-label={`Time left: ${mm} minutes ${ss} seconds`}>
      {String(mm).padStart(2, "0")}:{String(ss).padStart(2, "0")} left
    </span>
  );
}

export function TestRunner({
  listingId,
  versionNumber,
  test,
  recorded,
  submitTest,
}: {
  listingId: string;
  versionNumber: number;
  test: TestForTaker;
  recorded: boolean;
  submitTest: SubmitTest;
}) {
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [result, setResult] = useState<TestResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [timeUp, setTimeUp] = useState(false);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [pending, startTransition] = useTransition();
  const resultHeading = useRef<HTMLHeadingElement>(null);

  const answered = test.questions.filter((q) => answers[q.id] !== undefined).length;
  const unanswered = test.questions.length - answered;

  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);

  function submit() {
    setConfirming(false);
    setError(null);
    startTransition(async () => {
      const res = await submitTest({ listingId, versionNumber, answers });
      if (res.ok) setResult(res.result);
      else setError(res.error);
    });
  }

  function restart() {
    setAnswers({});
    setResult(null);
    setTimeUp(false);
    setStartedAt(test.timeLimitMinutes ? Date.now() : null);
  }

  if (result) return <TestResultView result={result} headingRef={resultHeading} onRetry={restart} />;

  if (test.timeLimitMinutes && startedAt === null) {
    return (
      <div className="rounded-xl border border-slate-200 bg-white p-6 text-center">
        <p className="text-lg font-medium">
          {test.questions.length} questions · {test.timeLimitMinutes} minutes · pass mark {test.passMark}%
        </p>
        <p className="mt-1 text-sm text-slate-600">The timer starts when you begin. Your answers are graded when you submit.</p>
        <Button className="mt-4" onClick={() => setStartedAt(Date.now())}>
          Start the test
        </Button>
      </div>
    );
  }

  return (
    <form
      className="space-y-6"
      aria-label="Test questions"
      onSubmit={(e) => {
        e.preventDefault();
        if (unanswered > 0 && !timeUp) setConfirming(true);
        else submit();
      }}
    >
      <div className="z-10 flex sm:sticky sm:top-20 flex-wrap items-center justify-between gap-2 rounded-xl border border-slate-200 bg-white/95 px-4 py-2 text-sm shadow-sm backdrop-blur">
        <span aria-live="polite">
          {answered} of {test.questions.length} answered · pass mark {test.passMark}%
        </span>
        {test.timeLimitMinutes && startedAt !== null ? (
          <Countdown minutes={test.timeLimitMinutes} startedAt={startedAt} onExpire={() => setTimeUp(true)} />
        ) : null}
      </div>
      {!recorded ? (
        <p className="rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-700">
          You&apos;re previewing this test: it is graded, but the attempt isn&apos;t saved or counted.
        </p>
      ) : null}
      <ol className="space-y-4">
        {test.questions.map((q, qi) => (
          <li key={q.id}>
            <fieldset className="rounded-xl border border-slate-200 bg-white p-4" disabled={timeUp || pending}>
              <legend className="sr-only">Question {qi + 1}</legend>
              <p className="font-medium">
                <span className="mr-2 text-slate-500">{qi + 1}.</span>
                {q.question}
              </p>
              <div className="mt-3 space-y-2">
                {q.choices.map((choice, ci) => (
                  <label
                    key={ci}
                    className={`flex cursor-pointer items-start gap-3 rounded-lg border px-3 py-2 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600 ${
                      answers[q.id] === ci ? "border-brand-500 bg-brand-50" : "border-slate-200 hover:bg-slate-50"
                    }`}
                  >
                    <input
                      type="radio"
                      name={q.id}
                      value={ci}
                      checked={answers[q.id] === ci}
                      onChange={() => setAnswers((prev) => ({ ...prev, [q.id]: ci }))}
                      className="mt-0.5 accent-brand-600"
                    />
                    <span>
                      <span className="mr-1 font-medium text-slate-500">{LETTERS[ci]}.</span>
                      {choice}
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      {timeUp ? <Alert tone="warning">Time is up. Submit to see how you did.</Alert> : null}
      {confirming ? (
        <div role="alertdialog" aria-labelledby="confirm-submit" className="rounded-xl border border-amber-200 bg-amber-50 p-4">
          <p id="confirm-submit" className="text-sm text-amber-900">
            You left {unanswered} question{unanswered > 1 ? "s" : ""} unanswered; they count as wrong. Submit anyway?
          </p>
          <div className="mt-3 flex gap-2">
            <Button type="button" onClick={submit} autoFocus>
              Submit anyway
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              Keep answering
            </Button>
          </div>
        </div>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {!confirming ? (
        <Button type="submit" disabled={pending}>
          {pending ? "Grading…" : "Submit answers"}
        </Button>
      ) : null}
    </form>
  );
}

function TestResultView({ result, headingRef, onRetry }: { result: TestResult; headingRef: React.RefObject<HTMLHeadingElement | null>; onRetry: () => void }) {
  return (
    <div className="space-y-6" data-testid="test-result">
      <div className={`rounded-xl border p-6 ${result.passed ? "border-green-200 bg-green-50" : "border-red-200 bg-red-50"}`}>
        <h3 ref={headingRef} tabIndex={-1} className="text-2xl font-bold outline-none">
          {result.passed ? "Passed" : "Not passed"} — {result.percent}%
        </h3>
        <p className="mt-1 text-sm text-slate-700">
          {result.score} of {result.total} correct · pass mark {result.passMark}% · version {result.versionNumber}
          {result.recorded ? "" : " · preview, not saved"}
        </p>
        <Button className="mt-4" variant="secondary" onClick={onRetry}>
          Take it again
        </Button>
      </div>
      <ol className="space-y-4" aria-label="Answers and explanations">
        {result.questions.map((q, qi) => (
          <li key={q.id} className="rounded-xl border border-slate-200 bg-white p-4">
            <p className="font-medium">
              <span className="mr-2 text-slate-500">{qi + 1}.</span>
              {q.question}
              <Badge tone={q.correct ? "success" : "danger"} className="ml-2">
                {q.correct ? "Correct" : q.chosen === null ? "Unanswered" : "Wrong"}
              </Badge>
            </p>
            <ul className="mt-3 space-y-1 text-sm">
              {q.choices.map((choice, ci) => {
                const isRight = ci === q.correctIndex;
                const isChosen = ci === q.chosen;
                return (
                  <li
                    key={ci}
                    className={`rounded-lg border px-3 py-2 ${isRight ? "border-green-300 bg-green-50" : isChosen ? "border-red-300 bg-red-50" : "border-slate-100"}`}
                  >
                    <span className="mr-1 font-medium text-slate-500">{LETTERS[ci]}.</span>
                    {choice}
                    {isRight ? <span className="ml-2 text-xs font-semibold text-green-800">Correct answer</span> : null}
                    {isChosen && !isRight ? <span className="ml-2 text-xs font-semibold text-red-800">Your answer</span> : null}
                    {isChosen && isRight ? <span className="ml-1 text-xs font-semibold text-green-800">· your answer</span> : null}
                  </li>
                );
              })}
            </ul>
            {q.explanation ? <p className="mt-3 text-sm text-slate-700">{q.explanation}</p> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
