const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export function formatDate(date: Date | string | null | undefined): string {
  if (!date) return "date unknown";
  return dateFormat.format(typeof date === "string" ? new Date(date) : date);
}

const shortDateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** A week's first day, as the trend chart's axis shows it: "22 Jun" (UTC). */
export function formatShortDate(date: Date | string): string {
  return shortDateFormat.format(typeof date === "string" ? new Date(date) : date);
}

/** A week given by its first day (ISO date "2020-06-22"), as readers see it: "Week of 22 June 2020". */
export function formatWeek(week: string): string {
  return `Week of ${formatDate(`${week}T00:00:00Z`)}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}
