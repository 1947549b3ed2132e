import { diffArrays } from "diff";
import { wordTokensWithOffsets } from "./text";

/** One run of a word-level diff from a source wording to an outlet's wording. */
export interface DiffPart {
  op: "equal" | "insert" | "delete";
  text: string;
}

interface Token {
  word: string;
  start: number;
  end: number;
}

/** Word tokens outside square brackets: "[Haqqani Network]" is the outlet's clarification, not its quote. */
function quotedTokens(text: string): Token[] {
  const tokens = wordTokensWithOffsets(text);
  const brackets: [number, number][] = [];
  for (let open = text.indexOf("["); open >= 0; open = text.indexOf("[", open + 1)) {
    const close = text.indexOf("]", open + 1);
    if (close < 0) break;
    brackets.push([open, close]);
    open = close;
  }
  if (!brackets.length) return tokens;
  return tokens.filter((t) => !brackets.some(([a, b]) => t.start > a && t.end <= b));
}

/**
 * Word diff of `to` (an outlet's wording) against `from` (the source wording),
 * computed on normalised words and drawn on the original text.
 *
 * Words are compared as the fidelity check compares them (lib/analysis/text.ts
 * `wordTokensWithOffsets`: case, typographic apostrophes, possessive 's and
 * hyphenation folded; punctuation and spacing are not words), so the diff and
 * the fidelity class always agree. Bracketed insertions in `to` are the
 * outlet's and never count as added words.
 *
 * Returns runs in reading order. "equal" and "insert" runs are slices of `to`
 * that together are exactly `to`, character for character (case, spacing and
 * punctuation as printed); "delete" runs are the source's words as written,
 * with the source's spacing before them.
 */
export function wordDiff(from: string, to: string): DiffPart[] {
  const a = wordTokensWithOffsets(from);
  const b = quotedTokens(to);
  if (b.length === 0) {
    const parts: DiffPart[] = [];
    if (a.length) parts.push({ op: "delete", text: from.slice(a[0].start, a[a.length - 1].end) });
    if (to) parts.push({ op: "equal", text: to });
    return parts;
  }
  const changes = diffArrays(
    a.map((t) => t.word),
    b.map((t) => t.word),
  );
  const parts: DiffPart[] = [];
  let ai = 0;
  let bi = 0;
  // `to` is emitted up to here; the gap before a run goes with the run.
  let cursor = 0;
  let lastQuotePart = -1;
  for (const change of changes) {
    const n = change.value.length;
    if (change.removed) {
      const words = from.slice(a[ai].start, a[ai + n - 1].end);
      // The source's spacing before the dropped words; at the very start, a space after them.
      const text = ai > 0 ? from.slice(a[ai - 1].end, a[ai + n - 1].end) : `${words} `;
      parts.push({ op: "delete", text });
      ai += n;
      continue;
    }
    const end = b[bi + n - 1].end;
    parts.push({ op: change.added ? "insert" : "equal", text: to.slice(cursor, end) });
    lastQuotePart = parts.length - 1;
    cursor = end;
    bi += n;
    if (!change.added) ai += n;
  }
  if (cursor < to.length) parts[lastQuotePart] = { ...parts[lastQuotePart], text: parts[lastQuotePart].text + to.slice(cursor) };
  return merge(parts);
}

/** Adjacent runs of the same kind as one. */
function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const part of parts) {
    const prev = out[out.length - 1];
    if (prev && prev.op === part.op) out[out.length - 1] = { op: prev.op, text: prev.text + part.text };
    else if (part.text) out.push(part);
  }
  return out;
}

/** The outlet's wording as printed: the "equal" and "insert" runs of a diff, in order. */
export function printedText(parts: DiffPart[]): string {
  return parts
    .filter((p) => p.op !== "delete")
    .map((p) => p.text)
    .join("");
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
  // Bracketed clarifications are the outlet's, not added words.
  const count = (text: string) =>
    text
      .replace(/\[[^[\]]*\]/g, " ")
      .split(/\s+/)
      .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
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
