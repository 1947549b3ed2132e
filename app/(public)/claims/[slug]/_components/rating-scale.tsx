/** A 1–5 editorial rating as five pips, with its words at both ends and the editor's explanation. */
export function RatingScale({ label, value, low, high, explanation }: { label: string; value: number; low: string; high: string; explanation?: string }) {
  return (
    <div className="rating-scale">
      <div className="rating-scale__head">
        <strong>{label}</strong>
        <span className="rating-scale__value">
          {value} of 5 <span className="muted small">(1 = {low}, 5 = {high})</span>
        </span>
      </div>
      <div className="rating-scale__pips" aria-hidden="true">
        {[1, 2, 3, 4, 5].map((n) => (
          <span key={n} className={n <= value ? "pip pip--on" : "pip"} />
        ))}
      </div>
      {explanation && <p className="small">{explanation}</p>}
    </div>
  );
}
