/** A field's error message under it, or nothing. */
export function FieldError({ message }: { message?: string }) {
  return message ? <span className="field__error">{message}</span> : null;
}

/** The first n characters of a text, with "…" when cut. */
export const short = (text: string, n = 80) => (text.length > n ? `${text.slice(0, n)}…` : text);
