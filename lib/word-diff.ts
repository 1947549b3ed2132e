import { diffWords } from "diff";

/** One run of a word-level diff from a source wording to an outlet's wording. */
export interface DiffPart {
  op: "equal" | "insert" | "delete";
  text: string;
}

/**
 * Word diff of `to` (an outlet's wording) against `from` (the source wording):
 * "delete" runs are words the outlet dropped, "insert" runs words it added.
 * Case is kept (a changed capital is a change); white space differences are not.
 */
export function wordDiff(from: string, to: string): DiffPart[] {
  return diffWords(from, to).map((change) => ({
    op: change.added ? "insert" : change.removed ? "delete" : "equal",
    text: change.value,
  }));
}

/** Validates a stored `Quote.fidelityDiff` JSON value; null when it is not a diff. */
export function parseStoredDiff(value: unknown): DiffPart[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const parts: DiffPart[] = [];
  for (const item of value) {
    if (typeof item !== "object" || item === null) return null;
    const { op, text } = item as { op?: unknown; text?: unknown };
    if ((op !== "equal" && op !== "insert" && op !== "delete") || typeof text !== "string") return null;
    parts.push({ op, text });
  }
  return parts;
}

/** How many words a diff dropped and added: the matrix's one-line summary. */
export function diffStats(parts: DiffPart[]): { dropped: number; added: number; kept: number } {
  const count = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  let dropped = 0;
  let added = 0;
  let kept = 0;
  for (const part of parts) {
    if (part.op === "delete") dropped += count(part.text);
    else if (part.op === "insert") added += count(part.text);
    else kept += count(part.text);
  }
  return { dropped, added, kept };
}
