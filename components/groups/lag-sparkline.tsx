'use client';

import { Line, LineChart, YAxis } from 'recharts';

/**
 * A tiny trend of total lag (oldest → newest) for a list row. A null is a sample that lacked a
 * partition: drawn as a gap, never as a drop to 0.
 */
export function LagSparkline({ values }: { values: (number | null)[] }) {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return <span className="text-xs text-slate-400">collecting…</span>;
  const data = values.map((v, i) => ({ i, v }));
  const rising = known.at(-1)! > known[0];
  return (
    <LineChart width={96} height={24} data={data} aria-label={`Lag trend from ${known[0]} to ${known.at(-1)}`} role="img">
      <YAxis hide domain={[0, 'dataMax']} />
      <Line type="monotone" dataKey="v" stroke={rising ? '#d97706' : '#4f46e5'} strokeWidth={1.5} dot={false} isAnimationActive={false} connectNulls={false} />
    </LineChart>
  );
}
