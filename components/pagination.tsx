import Link from "next/link";

/** Previous / page n of m / next, keeping the other query parameters. */
export function Pagination({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 ? (
        <Link className="button button--secondary button--small" href={href(page - 1)} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span className="pagination__disabled">← Previous</span>
      )}
      <span aria-current="page">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link className="button button--secondary button--small" href={href(page + 1)} rel="next">
          Next →
        </Link>
      ) : (
        <span className="pagination__disabled">Next →</span>
      )}
    </nav>
  );
}

/** A query string from the values that are set. */
export function queryString(values: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  const s = params.toString();
  return s ? `?${s}` : "";
}
