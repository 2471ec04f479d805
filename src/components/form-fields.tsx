"use client";

import { useId, type ComponentProps, type ReactNode } from "react";

// Each field takes its element's props, `ref` included (React 19 passes it as a prop), so
// react-hook-form's `register()` spreads straight onto it.
type BaseProps = { label: ReactNode; error?: string | undefined; hint?: ReactNode };

function describedBy(hintId: string, errorId: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? hintId : null, error ? errorId : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function FieldShell({
  id,
  label,
  hint,
  error,
  required,
  children,
}: BaseProps & { id: string; required?: boolean | undefined; children: ReactNode }) {
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({ label, error, hint, id: idProp, ...input }: BaseProps & ComponentProps<"input">) {
  const autoId = useId();
  const id = idProp ?? autoId;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={input.required}>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, hint, error)}
        {...input}
      />
    </FieldShell>
  );
}

export function TextAreaField({ label, error, hint, id: idProp, ...input }: BaseProps & ComponentProps<"textarea">) {
  const autoId = useId();
  const id = idProp ?? autoId;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={input.required}>
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, hint, error)}
        {...input}
      />
    </FieldShell>
  );
}

export function SelectField({ label, error, hint, id: idProp, children, ...select }: BaseProps & ComponentProps<"select">) {
  const autoId = useId();
  const id = idProp ?? autoId;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={select.required}>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, hint, error)}
        {...select}
      >
        {children}
      </select>
    </FieldShell>
  );
}
