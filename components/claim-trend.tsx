import Link from "next/link";
import { ClaimTrendChart } from "@/components/claim-trend-chart";
import { formatDate, formatWeek, plural } from "@/components/format";
import type { ClaimTrend } from "@/lib/claim-trend-series";


/**
 * A claim's repeats over time (lib/claim-trends.ts): the chart of appearances
 * per week by outlet, the same numbers as a table, and the first appearance
 * after the review was published. `articleHref` links an appearance (the
 * public article page, or the editor's).
 */
export function ClaimTrendFigure({ trend, articleHref, note }: { trend: ClaimTrend; articleHref: (article: { id: string; slug: string }) => string; note?: string }) {
  const first = trend.firstAfterPublication;
  return (
    <figure className="card coverage" aria-label="Appearances per week by outlet">
      <p className="small" data-testid="first-after-publication">
        {trend.reviewPublishedAt === null ? (
          "The review is not published yet."
        ) : first ? (
          <>
            <strong>First repeated after the review was published</strong> ({formatDate(trend.reviewPublishedAt)}): {first.outlet},{" "}
            {formatDate(first.at)}, in <Link href={articleHref(first.article)}>{first.article.title}</Link>.
          </>
        ) : (
          `Not repeated since the review was published (${formatDate(trend.reviewPublishedAt)}).`
        )}
      </p>
      {trend.total > 0 && <ClaimTrendChart weeks={trend.weeks} outlets={trend.outlets} counts={trend.counts} />}
      <div className="table-wrap">
        <table className="table table--compact">
          <caption className="small muted">
            {plural(trend.total, "appearance")} by {plural(trend.outlets.length, "outlet")}, per week (an appearance is one article carrying the claim)
            {trend.gapsOmitted ? "; weeks without any are left out" : ""}
            {note ? `; ${note}` : ""}
          </caption>
          <thead>
            <tr>
              <th scope="col">Week</th>
              <th scope="col">Outlets</th>
              <th scope="col">Appearances</th>
            </tr>
          </thead>
          <tbody>
            {trend.weeks.map((week, w) => {
              const total = trend.counts[w].reduce((a, b) => a + b, 0);
              if (!total) return null;
              return (
                <tr key={week}>
                  <th scope="row">{formatWeek(week)}</th>
                  <td>
                    {trend.outlets
                      .map((o, i) => [o, trend.counts[w][i]] as const)
                      .filter(([, n]) => n > 0)
                      .map(([o, n]) => (n > 1 ? `${o} (${n})` : o))
                      .join(", ")}
                  </td>
                  <td>{total}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
