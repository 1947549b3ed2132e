import type { Metadata } from "next";
import Link from "next/link";
import { formatDate, plural } from "@/components/format";
import { Pagination, queryString } from "@/components/pagination";
import { Snippet } from "@/app/(public)/search/_components/snippet";
import { search, SEARCH_PER_PAGE, type Section } from "@/lib/search";
import { firstValues, SEARCH_MAX_PAGE, searchSchema, type SearchType } from "@/lib/validation/search";

export const metadata: Metadata = { title: "Search" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const TYPE_LABELS: Record<SearchType, string> = { all: "Everything", claims: "Claims", quotes: "Quotes", articles: "Articles" };

function totalLabel(section: Section<unknown>, noun: string) {
  return section.capped ? `more than ${section.total.toLocaleString("en")} ${noun}s` : plural(section.total, noun);
}

export default async function SearchPage({ searchParams }: Props) {
  const raw = firstValues(await searchParams);
  const hasQuery = raw.q !== undefined && raw.q.trim() !== "";
  const parsed = hasQuery ? searchSchema.safeParse(raw) : null;
  const errors = parsed && !parsed.success ? parsed.error.issues.map((i) => i.message) : [];
  const input = parsed?.success ? parsed.data : null;
  const results = input ? await search(input) : null;
  const type = input?.type ?? (raw.type && raw.type in TYPE_LABELS ? (raw.type as SearchType) : "all");
  // Links to other sections and pages search the same words, corrected the same way (or, when
  // the reader chose "as typed", not corrected).
  const href = (t: SearchType, page?: number) =>
    `/search${queryString({ q: input?.q, type: t === "all" ? undefined : t, page: page && page > 1 ? page : undefined, verbatim: input?.verbatim ? "1" : undefined })}`;

  return (
    <>
      <div className="page-head">
        <h1>Search</h1>
        <p className="lede">Claims, the quotes that carry them, and the articles they appeared in.</p>
      </div>
      <form className="search-form" action="/search" method="get" role="search">
        <label htmlFor="search-q" className="sr-only">
          Search for
        </label>
        <input
          id="search-q"
          type="search"
          name="q"
          defaultValue={raw.q ?? ""}
          placeholder="safe haven, Haqqani, constructive role…"
          maxLength={200}
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={errors.length ? "search-errors" : undefined}
        />
        <label htmlFor="search-type" className="sr-only">
          Search in
        </label>
        <select id="search-type" name="type" defaultValue={type}>
          {Object.entries(TYPE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <button className="button" type="submit">
          Search
        </button>
      </form>
      {errors.length > 0 && (
        <div id="search-errors" className="notice notice--error" role="alert">
          {errors.map((e) => (
            <p key={e} style={{ margin: 0 }}>
              {e}
            </p>
          ))}
        </div>
      )}

      {results && (
        <div className="search-results">
          {results.correctedQ !== null ? (
            <p className="notice notice--info" role="status">
              Nothing matches “{results.q}”. Showing results for <strong>{results.correctedQ}</strong>.{" "}
              <Link href={`/search${queryString({ q: results.q, type: type === "all" ? undefined : type, verbatim: "1" })}`}>Search for “{results.q}” as typed</Link>
            </p>
          ) : (
            !results.claims?.total &&
            !results.quotes?.total &&
            !results.articles?.total && (
              <p className="notice notice--info" role="status">
                Nothing matches “{results.q}”. Try fewer or different words.
              </p>
            )
          )}
          {results.claims && (results.type === "claims" || results.claims.total > 0) && (
            <section aria-labelledby="claims-results">
              <div className="section__head">
                <h2 id="claims-results">Claims</h2>
                <span className="muted small">{totalLabel(results.claims, "claim")}</span>
              </div>
              <ul className="list">
                {results.claims.hits.map((hit) => (
                  <li key={hit.slug} className="hit">
                    <Link className="hit__title" href={`/claims/${hit.slug}`}>
                      <Snippet segments={hit.canonical} />
                    </Link>
                    <div className="hit__meta">
                      {hit.speaker ?? "Unattributed"}
                      {hit.verdict && <> · {hit.verdict}</>}
                    </div>
                  </li>
                ))}
              </ul>
              {results.type === "all" && results.claims.total > results.claims.hits.length && <Link href={href("claims")}>All matching claims</Link>}
            </section>
          )}
          {results.quotes && (results.type === "quotes" || results.quotes.total > 0) && (
            <section aria-labelledby="quotes-results">
              <div className="section__head">
                <h2 id="quotes-results">Quotes</h2>
                <span className="muted small">{totalLabel(results.quotes, "quote")}</span>
              </div>
              <ul className="list">
                {results.quotes.hits.map((hit) => (
                  <li key={hit.id} className="hit">
                    <p className="hit__snippet">
                      “<Snippet segments={hit.exact} />”
                    </p>
                    <div className="hit__meta">
                      {hit.outlet} · <Link href={`/articles/${hit.articleSlug}#quote-${hit.id}`}>{hit.articleTitle}</Link> · {formatDate(hit.publishedAt)}
                      {hit.claimSlug && (
                        <>
                          {" · "}
                          <Link href={`/claims/${hit.claimSlug}`}>the claim</Link>
                        </>
                      )}
                    </div>
                  </li>
                ))}
              </ul>
              {results.type === "all" && results.quotes.total > results.quotes.hits.length && <Link href={href("quotes")}>All matching quotes</Link>}
            </section>
          )}
          {results.articles && (results.type === "articles" || results.articles.total > 0) && (
            <section aria-labelledby="articles-results">
              <div className="section__head">
                <h2 id="articles-results">Articles</h2>
                <span className="muted small">{totalLabel(results.articles, "article")}</span>
              </div>
              <ul className="list">
                {results.articles.hits.map((hit) => (
                  <li key={hit.slug} className="hit">
                    <Link className="hit__title" href={`/articles/${hit.slug}`}>
                      <Snippet segments={hit.title} />
                    </Link>
                    {hit.snippet.length > 0 && (
                      <p className="hit__snippet">
                        <Snippet segments={hit.snippet} />
                      </p>
                    )}
                    <div className="hit__meta">
                      {hit.outlet} · {formatDate(hit.publishedAt)}
                    </div>
                  </li>
                ))}
              </ul>
              {results.type === "all" && results.articles.total > results.articles.hits.length && <Link href={href("articles")}>All matching articles</Link>}
            </section>
          )}
          {results.type !== "all" && (
            <Pagination
              page={results.page}
              pageCount={Math.min(SEARCH_MAX_PAGE, Math.ceil((results[results.type]?.total ?? 0) / SEARCH_PER_PAGE))}
              href={(p) => href(results.type, p)}
            />
          )}
        </div>
      )}
    </>
  );
}
