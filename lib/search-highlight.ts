/**
 * ts_headline marks matches with sentinels we choose: control characters that
 * stored text never contains (imported text is normalised on the way in). The
 * snippet is split on them into plain and marked segments, which React renders
 * as text: no HTML from the database ever reaches the page.
 */
export const START_SEL = "\u0001";
export const STOP_SEL = "\u0002";

export interface SnippetSegment {
  text: string;
  mark: boolean;
}

export function splitHighlights(snippet: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let mark = false;
  let text = "";
  const flush = () => {
    if (text) segments.push({ text, mark });
    text = "";
  };
  for (const ch of snippet) {
    if (ch === START_SEL) {
      flush();
      mark = true;
    } else if (ch === STOP_SEL) {
      flush();
      mark = false;
    } else text += ch;
  }
  flush();
  // Adjacent marked words ("safe" "haven") read better as one highlight.
  const merged: SnippetSegment[] = [];
  for (const s of segments) {
    const prev = merged[merged.length - 2];
    const gap = merged[merged.length - 1];
    if (s.mark && gap && !gap.mark && prev?.mark && /^\s+$/.test(gap.text)) {
      merged.splice(merged.length - 2, 2, { text: prev.text + gap.text + s.text, mark: true });
    } else merged.push(s);
  }
  return merged;
}
