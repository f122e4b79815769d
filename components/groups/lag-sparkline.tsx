'use client';

import { Line, LineChart, YAxis } from 'recharts';

/** A tiny trend of total lag (oldest → newest) for a list row. */
export function LagSparkline({ values }: { values: number[] }) {
  if (values.length < 2) return <span className="text-xs text-slate-400">collecting…</span>;
  const data = values.map((v, i) => ({ i, v }));
  const rising = values.at(-1)! > values[0];
  return (
    <LineChart width={96} height={24} data={data} aria-label={`Lag trend from ${values[0]} to ${values.at(-1)}`} role="img">
      <YAxis hide domain={[0, 'dataMax']} />
      <Line type="monotone" dataKey="v" stroke={rising ? '#d97706' : '#4f46e5'} strokeWidth={1.5} dot={false} isAnimationActive={false} />
    </LineChart>
  );
}
