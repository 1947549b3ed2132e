/**
 * Appearances of a claim bucketed per ISO week and outlet (pure; the reads are
 * lib/claim-trends.ts).
 */

export interface Appearance {
  outlet: string;
  /** The article's date (publication, else when it was stored). */
  at: Date;
  article: { id: string; slug: string; title: string };
}

export interface ClaimTrend {
  /** Monday 00:00 UTC of each week, as YYYY-MM-DD, oldest first: every week from the first appearance to the last, or only those with appearances when `gapsOmitted`. */
  weeks: string[];
  /** True when the appearances span more weeks than a chart shows: weeks without any are left out. */
  gapsOmitted: boolean;
  /** Outlets, most appearances first (then by name). */
  outlets: string[];
  /** counts[w][o]: appearances of outlets[o] in weeks[w]. */
  counts: number[][];
  total: number;
  /** When the claim's review was published (its rating's date, else the claim's), or null. */
  reviewPublishedAt: Date | null;
  /** The earliest appearance dated after the review was published, or null when there is none. */
  firstAfterPublication: Appearance | null;
}

const DAY = 86_400_000;

/** Monday 00:00 UTC of `at`'s ISO week, as YYYY-MM-DD. */
export function weekOf(at: Date): string {
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(day - weekday * DAY).toISOString().slice(0, 10);
}

/**
 * Buckets appearances per ISO week and outlet. When they span at most
 * `maxWeeks` weeks, every week from the first to the last is listed (empty
 * ones too, so the chart's axis is time); past that, only the weeks with
 * appearances are (`gapsOmitted`).
 */
export function weeklyTrend(appearances: Appearance[], reviewPublishedAt: Date | null, maxWeeks = 104): ClaimTrend {
  const sorted = [...appearances].sort((a, b) => a.at.getTime() - b.at.getTime() || a.outlet.localeCompare(b.outlet));
  const firstAfterPublication = reviewPublishedAt ? (sorted.find((a) => a.at > reviewPublishedAt) ?? null) : null;
  if (!sorted.length) return { weeks: [], outlets: [], counts: [], total: 0, gapsOmitted: false, reviewPublishedAt, firstAfterPublication };
  const first = Date.parse(`${weekOf(sorted[0].at)}T00:00:00Z`);
  const last = Date.parse(`${weekOf(sorted.at(-1)!.at)}T00:00:00Z`);
  const span = Math.round((last - first) / (7 * DAY)) + 1;
  const gapsOmitted = span > maxWeeks;
  const weeks = gapsOmitted
    ? [...new Set(sorted.map((a) => weekOf(a.at)))]
    : Array.from({ length: span }, (_, i) => new Date(first + i * 7 * DAY).toISOString().slice(0, 10));
  const perOutlet = new Map<string, number>();
  for (const a of sorted) perOutlet.set(a.outlet, (perOutlet.get(a.outlet) ?? 0) + 1);
  const outlets = [...perOutlet.keys()].sort((x, y) => perOutlet.get(y)! - perOutlet.get(x)! || x.localeCompare(y));
  const weekIndex = new Map(weeks.map((w, i) => [w, i]));
  const outletIndex = new Map(outlets.map((o, i) => [o, i]));
  const counts = weeks.map(() => outlets.map(() => 0));
  for (const a of sorted) counts[weekIndex.get(weekOf(a.at))!][outletIndex.get(a.outlet)!]++;
  return { weeks, outlets, counts, total: sorted.length, gapsOmitted, reviewPublishedAt, firstAfterPublication };
}
