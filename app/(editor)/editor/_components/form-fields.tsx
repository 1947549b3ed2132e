import type { InputHTMLAttributes, ReactNode } from "react";

/**
 * The markup every editor form repeats: a labelled input with its error under
 * it, and the submit button that says what it is doing while the form sends.
 * Extra props (react-hook-form's `register(...)`) go to the input itself.
 */
export function TextField({
  id,
  label,
  error,
  ...input
}: { id: string; label: ReactNode; error?: string } & InputHTMLAttributes<HTMLInputElement> & { ref?: React.Ref<HTMLInputElement> }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={Boolean(error)} {...input} />
      {error && <span className="field__error">{error}</span>}
    </div>
  );
}

/**
 * The submit button, disabled while `submitting` and then labelled `busy`
 * ("Saving…"); `children` is its label otherwise. In a `<div>` of its own
 * (`actionsClassName`, e.g. "form-actions", styles it).
 */
export function SubmitButton({
  submitting,
  busy,
  className = "button",
  actionsClassName,
  children,
}: {
  submitting: boolean;
  busy: string;
  className?: string;
  actionsClassName?: string;
  children: ReactNode;
}) {
  return (
    <div className={actionsClassName}>
      <button type="submit" className={className} disabled={submitting}>
        {submitting ? busy : children}
      </button>
    </div>
  );
}
