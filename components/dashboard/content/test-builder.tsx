"use client";
// The test builder: add, reorder and remove questions, their choices and correct answer, an explanation,
// the pass mark and time limit, and a preview that behaves as a buyer will see it.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { gradeTest } from "@/lib/library/test-grading";
import type { DraftQuestion, TestDraft } from "@/lib/listings/content-draft";
import { TextArea, TextInput } from "../fields";
import { issueAt, type EditorProps } from "./shared";

function newQuestion(): DraftQuestion {
  const id = `q${globalThis.crypto.randomUUID().replace(/-/g, "").slice(0, 10)}`;
  return { id, question: "", choices: ["", ""], correctIndex: -1, explanation: "" };
}

const incomplete = (q: DraftQuestion) => !q.question.trim() || q.correctIndex < 0 || q.choices.some((c) => !c.trim());

export function TestBuilder({ draft, onChange, disabled, issues }: EditorProps<TestDraft>) {
  const [previewing, setPreviewing] = useState(false);
  // Long tests start folded (one line per question); short ones and unfinished questions start open.
  const [open, setOpen] = useState<Set<string>>(() => new Set(draft.questions.filter((q) => draft.questions.length <= 3 || incomplete(q)).map((q) => q.id)));
  const toggle = (id: string, isOpen: boolean) =>
    setOpen((current) => {
      const next = new Set(current);
      if (isOpen) next.add(id);
      else next.delete(id);
      return next;
    });
  const setQuestions = (questions: DraftQuestion[]) => onChange({ ...draft, questions });
  const setQuestion = (index: number, changes: Partial<DraftQuestion>) => setQuestions(draft.questions.map((q, i) => (i === index ? { ...q, ...changes } : q)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...draft.questions];
    const [q] = next.splice(index, 1);
    next.splice(index + by, 0, q);
    setQuestions(next);
  };

  return (
    <div className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextInput
          label="Pass mark (% of correct answers)"
          required
          inputMode="numeric"
          value={String(draft.passMark)}
          disabled={disabled}
          onChange={(v) => onChange({ ...draft, passMark: Math.max(0, Math.min(100, Number.parseInt(v.replace(/\D/g, "") || "0", 10))) })}
          error={issueAt(issues, "passMark")}
        />
        <TextInput
          label="Time limit in minutes (optional)"
          inputMode="numeric"
          value={draft.timeLimitMinutes ? String(draft.timeLimitMinutes) : ""}
          disabled={disabled}
          onChange={(v) => {
            const n = Number.parseInt(v.replace(/\D/g, ""), 10);
            onChange({ ...draft, timeLimitMinutes: Number.isFinite(n) && n > 0 ? Math.min(600, n) : null });
          }}
          error={issueAt(issues, "timeLimitMinutes")}
        />
      </div>

      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-medium text-slate-700">Questions ({draft.questions.length})</h3>
        <div className="flex flex-wrap gap-2">
          {!previewing && draft.questions.length > 1 ? (
            <Button
              type="button"
              variant="ghost"
              onClick={() => setOpen(open.size === draft.questions.length ? new Set() : new Set(draft.questions.map((q) => q.id)))}
            >
              {open.size === draft.questions.length ? "Collapse all" : "Expand all"}
            </Button>
          ) : null}
          <Button type="button" variant="secondary" aria-pressed={previewing} onClick={() => setPreviewing((p) => !p)}>
            {previewing ? "Back to editing" : "Preview as a buyer"}
          </Button>
        </div>
      </div>
      {issueAt(issues, "questions") ? <p className="text-sm text-red-600">{issueAt(issues, "questions")}</p> : null}

      {previewing ? (
        <BuyerPreview draft={draft} />
      ) : (
        <ol className="space-y-4">
          {draft.questions.map((q, index) => (
            <li key={q.id}>
              <details
                open={open.has(q.id)}
                onToggle={(e) => toggle(q.id, e.currentTarget.open)}
                className="group rounded-xl border border-slate-200 open:bg-white"
              >
                <summary className="flex cursor-pointer list-none items-start gap-2 px-3 py-2 text-sm sm:px-4">
                  <span aria-hidden className="mt-0.5 text-slate-400 transition group-open:rotate-90">
                    ▶
                  </span>
                  <span className="font-semibold">Question {index + 1}</span>
                  <span className="min-w-0 flex-1 truncate text-slate-600">{q.question || "(no text yet)"}</span>
                  {incomplete(q) ? (
                    <Badge tone="warning" className="shrink-0">
                      unfinished
                    </Badge>
                  ) : null}
                </summary>
                <fieldset className="space-y-3 border-t border-slate-100 p-3 sm:p-4">
                  <legend className="sr-only">Question {index + 1}</legend>
                  <TextArea
                    label="Question"
                    required
                    rows={2}
                    max={2000}
                    value={q.question}
                    disabled={disabled}
                    onChange={(question) => setQuestion(index, { question })}
                    error={issueAt(issues, `questions.${index}.question`)}
                  />
                  <div className="space-y-2" role="radiogroup" aria-label={`Choices for question ${index + 1}; select the correct one`}>
                    <p className="text-sm font-medium text-slate-700">Choices — select the correct answer</p>
                    {q.choices.map((choice, c) => (
                      <div key={c} className="flex items-center gap-2">
                        <input
                          type="radio"
                          name={`correct-${q.id}`}
                          checked={q.correctIndex === c}
                          disabled={disabled}
                          onChange={() => setQuestion(index, { correctIndex: c })}
                          aria-label={`Choice ${c + 1} is correct`}
                        />
                        <input
                          value={choice}
                          disabled={disabled}
                          onChange={(e) => setQuestion(index, { choices: q.choices.map((x, i) => (i === c ? e.target.value : x)) })}
                          aria-label={`Question ${index + 1}, choice ${c + 1}`}
                          placeholder={`Choice ${c + 1}`}
                          maxLength={500}
                          className="block w-full rounded-lg border border-slate-300 px-3 py-1.5 text-sm"
                        />
                        <Button
                          type="button"
                          variant="ghost"
                          disabled={disabled || q.choices.length <= 2}
                          aria-label={`Remove choice ${c + 1} of question ${index + 1}`}
                          onClick={() =>
                            setQuestion(index, {
                              choices: q.choices.filter((_, i) => i !== c),
                              correctIndex: q.correctIndex === c ? -1 : q.correctIndex > c ? q.correctIndex - 1 : q.correctIndex,
                            })
                          }
                        >
                          ✕
                        </Button>
                      </div>
                    ))}
                    <Button
                      type="button"
                      variant="ghost"
                      disabled={disabled || q.choices.length >= 8}
                      onClick={() => setQuestion(index, { choices: [...q.choices, ""] })}
                    >
                      + Add choice
                    </Button>
                    {issueAt(issues, `questions.${index}.correctIndex`) || issueAt(issues, `questions.${index}.choices`, true) ? (
                      <p className="text-sm text-red-600">
                        {issueAt(issues, `questions.${index}.correctIndex`) ?? issueAt(issues, `questions.${index}.choices`, true)}
                      </p>
                    ) : null}
                  </div>
                  <TextArea
                    label="Explanation (shown after answering)"
                    rows={2}
                    max={4000}
                    value={q.explanation}
                    disabled={disabled}
                    onChange={(explanation) => setQuestion(index, { explanation })}
                  />
                  <div className="flex flex-wrap justify-end gap-2">
                    <Button
                      type="button"
                      variant="ghost"
                      disabled={disabled || index === 0}
                      aria-label={`Move question ${index + 1} up`}
                      onClick={() => move(index, -1)}
                    >
                      ↑ Up
                    </Button>
                    <Button
                      type="button"
                      variant="ghost"
                      disabled={disabled || index === draft.questions.length - 1}
                      aria-label={`Move question ${index + 1} down`}
                      onClick={() => move(index, 1)}
                    >
                      ↓ Down
                    </Button>
                    <Button type="button" variant="ghost" disabled={disabled} onClick={() => setQuestions(draft.questions.filter((_, i) => i !== index))}>
                      Remove question {index + 1}
                    </Button>
                  </div>
                </fieldset>
              </details>
            </li>
          ))}
        </ol>
      )}
      {!previewing ? (
        <Button
          type="button"
          variant="secondary"
          disabled={disabled || draft.questions.length >= 200}
          onClick={() => {
            const question = newQuestion();
            setQuestions([...draft.questions, question]);
            toggle(question.id, true);
          }}
        >
          + Add question
        </Button>
      ) : null}
    </div>
  );
}

/** The test as a buyer takes it: no correct answers shown until "Check answers". */
function BuyerPreview({ draft }: { draft: TestDraft }) {
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [checked, setChecked] = useState(false);
  if (draft.questions.length === 0) return <p className="text-sm text-slate-500">Add questions to preview the test.</p>;
  // The server's rule, so the preview's verdict is the one buyers will get.
  const grade = gradeTest(draft, answers);
  return (
    <div className="space-y-4 rounded-xl border border-brand-100 bg-brand-50/40 p-4" aria-label="Buyer preview">
      <p className="text-sm text-slate-600">
        {draft.questions.length} questions · pass mark {draft.passMark}%{draft.timeLimitMinutes ? ` · ${draft.timeLimitMinutes} minutes` : ""}
      </p>
      <ol className="space-y-4">
        {draft.questions.map((q, index) => (
          <li key={q.id}>
            <fieldset className="space-y-2">
              <legend className="font-medium">
                {index + 1}. {q.question || <span className="text-slate-400">(no question text)</span>}
              </legend>
              {q.choices.map((choice, c) => (
                <label key={c} className={`flex items-center gap-2 rounded-lg px-2 py-1 text-sm ${checked && c === q.correctIndex ? "bg-emerald-50" : ""}`}>
                  <input
                    type="radio"
                    name={`preview-${q.id}`}
                    checked={answers[q.id] === c}
                    onChange={() => setAnswers({ ...answers, [q.id]: c })}
                    disabled={checked}
                  />
                  {choice || <span className="text-slate-400">(empty choice)</span>}
                </label>
              ))}
              {checked && q.explanation ? <p className="text-sm text-slate-600">{q.explanation}</p> : null}
            </fieldset>
          </li>
        ))}
      </ol>
      {checked ? (
        <div className="flex flex-wrap items-center gap-3" role="status">
          <p className="font-medium">
            {grade.score}/{grade.total} correct ({grade.percent}%) — {grade.passed ? "passed" : "not passed"}
          </p>
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              setAnswers({});
              setChecked(false);
            }}
          >
            Try again
          </Button>
        </div>
      ) : (
        <Button type="button" onClick={() => setChecked(true)}>
          Check answers
        </Button>
      )}
    </div>
  );
}
