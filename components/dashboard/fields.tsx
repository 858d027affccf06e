"use client";
// Labelled inputs for the listing editor: controlled, with live error text, counters and screen-reader wiring.
import { useId, type ReactNode } from "react";

const inputClass = (error?: string) =>
  `block w-full rounded-lg border bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 disabled:bg-slate-50 disabled:text-slate-500 ${
    error ? "border-red-500" : "border-slate-300"
  }`;

type Common = { label: string; error?: string; hint?: ReactNode; max?: number; disabled?: boolean; required?: boolean };

function Help({ id, error, hint, count, max }: { id: string; error?: string; hint?: ReactNode; count?: number; max?: number }) {
  const over = max !== undefined && count !== undefined && count > max;
  return (
    <div className="flex items-start justify-between gap-3 text-sm">
      {error ? (
        <p id={`${id}-error`} className="text-red-600">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-slate-500">
          {hint}
        </p>
      ) : (
        <span />
      )}
      {max !== undefined && count !== undefined ? (
        <span className={`shrink-0 tabular-nums ${over ? "font-medium text-red-600" : "text-slate-400"}`} aria-live={over ? "polite" : undefined}>
          {count.toLocaleString("en-US")}/{max.toLocaleString("en-US")}
        </span>
      ) : null}
    </div>
  );
}

/** The label (with a star when required), the control and the help line under it, wired by one id. */
function Frame({
  label,
  required,
  error,
  hint,
  count,
  max,
  control,
}: Common & {
  count?: number;
  control: (aria: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
        {required ? <span className="text-red-600"> *</span> : null}
      </label>
      {control({ id, "aria-invalid": error ? true : undefined, "aria-describedby": error ? `${id}-error` : hint ? `${id}-hint` : undefined })}
      <Help id={id} error={error} hint={hint} count={count} max={max} />
    </div>
  );
}

type TextProps = Common & { value: string; onChange: (value: string) => void; placeholder?: string };

/** The frame and the bound value of a text control: what TextInput and TextArea share. */
function textParts({ value, onChange, disabled, placeholder, max, error, ...frame }: TextProps) {
  return {
    frame: { ...frame, error, max, count: max ? value.length : undefined },
    bound: { value, disabled, placeholder, onChange: (e: { target: { value: string } }) => onChange(e.target.value) },
  };
}

export function TextInput({ inputMode, name, ...props }: TextProps & { inputMode?: "decimal" | "text" | "numeric"; name?: string }) {
  const { frame, bound } = textParts(props);
  return <Frame {...frame} control={(aria) => <input {...aria} {...bound} name={name} inputMode={inputMode} className={inputClass(props.error)} />} />;
}

export function TextArea({ rows = 4, mono, ...props }: TextProps & { rows?: number; mono?: boolean }) {
  const { frame, bound } = textParts(props);
  const font = mono ? "font-mono text-[13px] leading-5" : "";
  return <Frame {...frame} control={(aria) => <textarea {...aria} {...bound} rows={rows} className={`${inputClass(props.error)} ${font}`} />} />;
}

export function SelectInput({
  label,
  value,
  onChange,
  options,
  error,
  hint,
  disabled,
  required,
}: Common & { value: string; onChange: (value: string) => void; options: readonly { value: string; label: string }[] }) {
  return (
    <Frame
      label={label}
      required={required}
      error={error}
      hint={hint}
      control={(aria) => (
        <select {...aria} value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled} className={inputClass(error)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

export function Section({
  title,
  description,
  children,
  actions,
  id,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  actions?: ReactNode;
  id?: string;
}) {
  const headingId = useId();
  return (
    <section id={id} aria-labelledby={headingId} className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id={headingId} className="text-lg font-semibold">
            {title}
          </h2>
          {description ? <div className="mt-1 text-sm text-slate-600">{description}</div> : null}
        </div>
        {actions}
      </div>
      <div className="space-y-4">{children}</div>
    </section>
  );
}
