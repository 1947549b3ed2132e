"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

type Labels<T> = Partial<Record<keyof T, string>>;

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(empty)";
  return String(value);
}

/**
 * Optimistic concurrency for an edit form. Every save carries the version the
 * editor's input is based on; a stale save is refused by the server. Then
 * `reload()` fetches the current record: the editor's input is kept, their
 * base moves to the new version, and `changes` lists what the other editor
 * changed — so they can re-apply their edit knowingly. Nothing is overwritten
 * silently, in either direction.
 */
export function useVersionedRecord<T extends { version: number }>(record: T, labels: Labels<T>) {
  const router = useRouter();
  const [base, setBase] = useState(record);
  const [seen, setSeen] = useState(record);
  const [stale, setStale] = useState(false);
  const [changes, setChanges] = useState<FieldChange[] | null>(null);

  // Adjusting state to a new server render (React's "storing information from
  // previous renders" pattern, no effect needed).
  if (record !== seen) {
    setSeen(record);
    if (record.version !== base.version) {
      const diff = (Object.keys(labels) as (keyof T & string)[])
        .filter((key) => show(record[key]) !== show(base[key]))
        .map((key) => ({ field: key, label: labels[key] ?? key, before: show(base[key]), after: show(record[key]) }));
      if (stale || diff.length) setChanges(diff);
      setStale(false);
      setBase(record);
    }
  }

  return {
    version: base.version,
    stale,
    changes,
    /** Call when the server refused a save as a conflict. */
    markStale: () => setStale(true),
    reload: () => router.refresh(),
    /** Call after the editor's own save succeeded. */
    saved: (version: number) => {
      setBase({ ...base, version });
      setChanges(null);
      setStale(false);
    },
    dismiss: () => setChanges(null),
  };
}
