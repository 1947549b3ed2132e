"use client";

import { resolveAlertAction } from "@/app/(editor)/editor/_actions/alerts";
import { useActionRunner } from "@/app/(editor)/editor/_components/action-result";

/** Confirm (the new quotes join the claim) or dismiss an alert. */
export function AlertButtons({ alert }: { alert: { id: string; version: number; claim: string } }) {
  const { run, busy, problem } = useActionRunner();
  return (
    <div className="row">
      <button type="button" className="button button--small" disabled={busy} aria-label={`Confirm the alert on “${alert.claim}”`} onClick={() => run(() => resolveAlertAction({ id: alert.id, version: alert.version, decision: "confirm" }))}>
        Confirm: link to the claim
      </button>
      <button type="button" className="button button--small button--secondary" disabled={busy} aria-label={`Dismiss the alert on “${alert.claim}”`} onClick={() => run(() => resolveAlertAction({ id: alert.id, version: alert.version, decision: "dismiss" }))}>
        Dismiss
      </button>
      {problem && (
        <span className="field__error" role="alert">
          {problem.message}
        </span>
      )}
    </div>
  );
}
