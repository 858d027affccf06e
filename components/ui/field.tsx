// Labelled form controls (input, select, textarea) with their error or hint wired for screen readers, for forms
// that post to server actions. One frame draws the label and the message; each control only says what it is.
import type { ComponentProps, ReactNode } from "react";
import { Alert } from "./alert";

type Labelled = { label: string; name: string; error?: string; hint?: string };

const controlClass = (error?: string) =>
  `block w-full rounded-lg border bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 ${error ? "border-red-500" : "border-slate-300"}`;

/** The label above, the error (or else the hint) below, and the ARIA attributes the control needs. */
function FieldFrame({
  id,
  label,
  error,
  hint,
  control,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  control: (aria: { id: string; "aria-invalid"?: true; "aria-describedby"?: string; className: string }) => ReactNode;
}) {
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {control({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy, className: controlClass(error) })}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-600">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function Field({ label, name, error, hint, ...input }: ComponentProps<"input"> & Labelled) {
  return <FieldFrame id={input.id ?? `field-${name}`} label={label} error={error} hint={hint} control={(aria) => <input name={name} {...aria} {...input} />} />;
}

/** A select whose options are [value, label] pairs. */
export function SelectField({
  label,
  name,
  error,
  hint,
  options,
  ...select
}: Omit<ComponentProps<"select">, "children"> & Labelled & { options: readonly (readonly [string, string])[] }) {
  return (
    <FieldFrame
      id={select.id ?? `field-${name}`}
      label={label}
      error={error}
      hint={hint}
      control={(aria) => (
        <select name={name} {...aria} {...select}>
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    />
  );
}

export function TextAreaField({ label, name, error, hint, ...textarea }: ComponentProps<"textarea"> & Labelled) {
  return (
    <FieldFrame
      id={textarea.id ?? `field-${name}`}
      label={label}
      error={error}
      hint={hint}
      control={(aria) => <textarea name={name} {...aria} {...textarea} />}
    />
  );
}

export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return <Alert tone="error">{message}</Alert>;
}
