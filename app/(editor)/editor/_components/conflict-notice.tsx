"use client";

import type { FieldChange } from "@/app/(editor)/editor/_components/use-versioned-record";

/** The stale-save message, a way to reload, and after reloading what changed. */
export function ConflictNotice({
  stale,
  message,
  changes,
  onReload,
  onDismiss,
}: {
  stale: boolean;
  message?: string | null;
  changes: FieldChange[] | null;
  onReload: () => void;
  onDismiss: () => void;
}) {
  if (stale) {
    return (
      <div className="notice notice--error conflict" role="alert">
        <p>
          <strong>Not saved.</strong>{" "}
          {message ?? "Someone else saved this record after you opened it. Reload to see their change, then apply yours again."}
        </p>
        <p className="small">Your input stays in the form.</p>
        <button type="button" className="button button--small" onClick={onReload}>
          Load their version
        </button>
      </div>
    );
  }
  if (changes) {
    return (
      <div className="notice notice--info conflict" role="status">
        <p>
          <strong>This record was changed by someone else.</strong> Your input is kept below; save to apply it on top of their version.
        </p>
        {changes.length > 0 ? (
          <ul className="conflict__changes">
            {changes.map((c) => (
              <li key={c.field}>
                <span className="conflict__label">{c.label}</span>
                <del>{c.before}</del> → <ins>{c.after}</ins>
              </li>
            ))}
          </ul>
        ) : (
          <p className="small">None of the fields in this form changed.</p>
        )}
        <button type="button" className="button button--secondary button--small" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    );
  }
  return null;
}
