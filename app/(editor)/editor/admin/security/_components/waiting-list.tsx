"use client";

import { useState } from "react";
import { unlockSignInAction } from "@/app/(editor)/editor/_actions/security";
import { useActionRunner } from "@/app/(editor)/editor/_components/action-result";

interface Waiting {
  /** What the row unlocks: an account by user id, or an address. */
  target: { userId: string } | { address: string };
  /** How the row is named to the admin (the account's e-mail, or the address). */
  name: string;
  detail?: string;
  attempts: number;
  waitSeconds: number;
}

/**
 * Accounts and addresses that wait between sign-in attempts, each with an Unlock
 * that asks once more before it acts and then says what it did. The notice lives
 * here, not in the row, so it stays when the refreshed list no longer has the row.
 */
export function WaitingList({
  accounts,
  addresses,
}: {
  accounts: { userId: string; label: string; email: string; attempts: number; waitSeconds: number }[];
  addresses: { address: string; attempts: number; waitSeconds: number }[];
}) {
  const { run, busy, problem } = useActionRunner();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const rows: Waiting[] = [
    ...accounts.map((a) => ({ target: { userId: a.userId }, name: a.email, detail: a.label, attempts: a.attempts, waitSeconds: a.waitSeconds })),
    ...addresses.map((a) => ({ target: { address: a.address }, name: a.address, detail: "client address", attempts: a.attempts, waitSeconds: a.waitSeconds })),
  ];

  async function unlock(row: Waiting) {
    setNotice(null);
    const done = await run(() => unlockSignInAction(row.target));
    setConfirming(null);
    if (!done) return;
    setNotice(
      done.cleared
        ? `Unlocked ${done.target}: its ${done.attempts} counted ${done.attempts === 1 ? "attempt was" : "attempts were"} cleared, so the next sign-in is checked at once.`
        : `${done.target} had no sign-in delay to clear.`,
    );
  }

  return (
    <div className="stack">
      {notice && (
        <p className="notice notice--ok" role="status">
          {notice}
        </p>
      )}
      {problem && (
        <p className="field__error" role="alert">
          {problem.message}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="empty">Nobody is waiting to sign in.</p>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="Waiting to sign in">
            <thead>
              <tr>
                <th>Account or address</th>
                <th>Failed attempts</th>
                <th>Next attempt</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.name}>
                  <td>
                    <strong>{row.name}</strong>
                    {row.detail && <div className="small muted">{row.detail}</div>}
                  </td>
                  <td>{row.attempts}</td>
                  <td className="small">{row.waitSeconds > 0 ? `in ${row.waitSeconds} s` : "now"}</td>
                  <td>
                    {confirming === row.name ? (
                      <div className="row">
                        <span className="small">Clear the delay of {row.name}?</span>
                        <button type="button" className="button button--small" disabled={busy} onClick={() => unlock(row)}>
                          Yes, unlock
                        </button>
                        <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => setConfirming(null)}>
                          Cancel
                        </button>
                      </div>
                    ) : (
                      <button type="button" className="button button--secondary button--small" aria-label={`Unlock ${row.name}`} onClick={() => setConfirming(row.name)}>
                        Unlock
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
