import type { DiffPart } from "@/lib/analysis/word-diff";

/**
 * A word diff as text: dropped words struck through (<del>), added words
 * underlined (<ins>), each with a hidden label, since screen readers do not
 * announce <del>/<ins> by themselves. With `elideEnds`, source text before and
 * after a quoted fragment is shown as "…" (its words in the tooltip): a quote of
 * part of a sentence has not dropped the rest of it.
 */
export function WordDiffView({ parts, elideEnds = false }: { parts: DiffPart[]; elideEnds?: boolean }) {
  const first = parts.findIndex((p) => p.op !== "delete");
  const last = parts.length - 1 - [...parts].reverse().findIndex((p) => p.op !== "delete");
  return (
    <span className="diff">
      {parts.map((part, i) => {
        if (part.op === "equal") return <span key={i}>{part.text}</span>;
        if (part.op === "delete") {
          if (elideEnds && first >= 0 && (i < first || i > last)) {
            return (
              <span key={i} className="diff__elided" title={`Not quoted: ${part.text.trim()}`}>
                {i < first ? "… " : " …"}
              </span>
            );
          }
          return (
            <del key={i} className="diff__del">
              <span className="sr-only">[dropped: </span>
              {part.text}
              <span className="sr-only">]</span>
            </del>
          );
        }
        return (
          <ins key={i} className="diff__ins">
            <span className="sr-only">[added: </span>
            {part.text}
            <span className="sr-only">]</span>
          </ins>
        );
      })}
    </span>
  );
}

export function DiffLegend() {
  return (
    <p className="diff-legend small muted">
      Compared with the source wording: <del className="diff__del">dropped words</del>, <ins className="diff__ins">added words</ins>; “…”
      marks source text outside the quoted part.
    </p>
  );
}
