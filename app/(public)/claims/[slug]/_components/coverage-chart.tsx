"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface CoverageDatum {
  outlet: string;
  verbatim: number;
  trimmed: number;
  altered: number;
  other: number;
}

const SERIES = [
  { key: "verbatim", name: "Verbatim", colour: "#067647" },
  { key: "trimmed", name: "Trimmed", colour: "#1d4ed8" },
  { key: "altered", name: "Altered", colour: "#b42318" },
  { key: "other", name: "Other / unrated", colour: "#98a2b3" },
] as const;

/**
 * Quotes per outlet, stacked by fidelity. The chart is decoration for sighted
 * readers (hidden from assistive technology); the table beside it carries the
 * same numbers for everyone.
 */
export function CoverageChart({ data, label }: { data: CoverageDatum[]; label: string }) {
  const height = Math.max(140, 48 * data.length + 60);
  const used = SERIES.filter((s) => data.some((d) => d[s.key] > 0));
  return (
    <div className="chart" aria-hidden="true" style={{ height }} data-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid horizontal={false} stroke="#e3e3df" />
          <XAxis type="number" allowDecimals={false} tick={{ fill: "#4a515c", fontSize: 12 }} />
          <YAxis type="category" dataKey="outlet" width={150} tick={{ fill: "#1c1f24", fontSize: 12 }} />
          <Tooltip cursor={{ fill: "rgba(29, 78, 216, 0.06)" }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {used.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} stackId="q" fill={s.colour} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
