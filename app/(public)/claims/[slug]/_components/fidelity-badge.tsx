const LABELS = {
  verbatim: { text: "Verbatim", tone: "badge--ok", hint: "Quoted word for word" },
  trimmed: { text: "Trimmed", tone: "badge--accent", hint: "Words left out, none changed" },
  altered: { text: "Altered", tone: "badge--danger", hint: "Words changed or added" },
  not_found: { text: "Not in source", tone: "badge--warn", hint: "The wording is not in the source" },
} as const;

export type FidelityClass = keyof typeof LABELS;

export function FidelityBadge({ fidelity }: { fidelity: FidelityClass | null }) {
  if (!fidelity)
    return (
      <span className="badge" title="No source document is on file to check the quote against">
        Unchecked
      </span>
    );
  const label = LABELS[fidelity];
  return (
    <span className={`badge ${label.tone}`} title={label.hint}>
      {label.text}
    </span>
  );
}

export const fidelityLabel = (f: FidelityClass) => LABELS[f].text;
