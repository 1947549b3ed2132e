import type { ReactNode } from "react";

/** One card of an editor page: a section with its heading. */
export function Card({ title, className, children }: { title: ReactNode; className?: string; children: ReactNode }) {
  return (
    <section className={className ? `card ${className}` : "card"}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/**
 * The frame every editor record page shares (a claim, a quote, a tag): the
 * trail back to its list, the heading block, anything that must be seen before
 * the rest (`banner`), then the record's own cards with its history last,
 * beside an aside of the cards that change it (edit, tags, merge, delete).
 */
export function RecordPage({
  trail,
  head,
  banner,
  history,
  aside,
  children,
}: {
  trail: ReactNode;
  head: ReactNode;
  banner?: ReactNode;
  /** The record's history (a HistoryList), shown last in the main column. */
  history: ReactNode;
  aside: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <p className="eyebrow">{trail}</p>
      <div className="page-head">{head}</div>
      {banner}
      <div className="claim-grid">
        <div className="stack">
          {children}
          <Card title="History">{history}</Card>
        </div>
        <aside className="stack">{aside}</aside>
      </div>
    </>
  );
}
