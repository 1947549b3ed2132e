"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatShortDate, formatWeek } from "@/components/format";

/** Distinct enough on white and for common colour blindness (Okabe–Ito), then repeated. */
const COLOURS = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000"];

/**
 * Appearances per week, stacked by outlet. Decoration for sighted readers
 * (hidden from assistive technology): the table beside it carries the same
 * numbers for everyone.
 */
export function ClaimTrendChart({ weeks, outlets, counts }: { weeks: string[]; outlets: string[]; counts: number[][] }) {
  const data = weeks.map((week, w) => Object.fromEntries([["week", week], ...outlets.map((o, i) => [o, counts[w][i]])]));
  return (
    <div className="chart" aria-hidden="true" style={{ height: 220 }} data-testid="trend-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 4, right: 16, bottom: 4, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke="#e3e3df" />
          <XAxis dataKey="week" tickFormatter={(week: string) => formatShortDate(`${week}T00:00:00Z`)} tick={{ fill: "#4a515c", fontSize: 11 }} />
          <YAxis allowDecimals={false} width={32} tick={{ fill: "#4a515c", fontSize: 11 }} />
          <Tooltip labelFormatter={(week) => formatWeek(String(week))} cursor={{ fill: "rgba(29, 78, 216, 0.06)" }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {outlets.map((o, i) => (
            <Bar key={o} dataKey={o} name={o} stackId="w" fill={COLOURS[i % COLOURS.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
