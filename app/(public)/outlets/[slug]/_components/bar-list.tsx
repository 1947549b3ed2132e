/** A labelled horizontal bar per item: small counts read better as bars than as a chart. */
export function BarList({ items, label }: { items: { label: string; value: number }[]; label: string }) {
  const max = Math.max(1, ...items.map((i) => i.value));
  return (
    <ul className="bar-list" aria-label={label}>
      {items.map((item) => (
        <li key={item.label}>
          <span>{item.label}</span>
          <span className="bar-list__bar" style={{ width: `${(100 * item.value) / max}%` }} aria-hidden="true" />
          <span className="bar-list__value">{item.value}</span>
        </li>
      ))}
    </ul>
  );
}
