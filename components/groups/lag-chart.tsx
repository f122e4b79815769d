'use client';

import { useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { lagChart, type LagChart as LagChartData, type LagChartMode } from '@/lib/lag-chart';
import type { LagSample } from '@/lib/types/groups';

const COLORS = ['#4f46e5', '#d97706', '#059669', '#dc2626', '#0891b2', '#7c3aed', '#65a30d', '#db2777'];
const time = (t: number) => new Date(t).toLocaleTimeString();
type LagChartRow = LagChartData['rows'][number];

/** A value between two gaps has no line to sit on: it gets a dot, so a lone sample still shows. */
function loneDot(rows: LagChartRow[], series: number, color: string) {
  return ({ cx, cy, index }: { cx?: number; cy?: number; index?: number }) => {
    const i = index ?? 0;
    const lone = rows[i]?.values[series] != null && rows[i - 1]?.values[series] == null && rows[i + 1]?.values[series] == null;
    return lone && cx !== undefined && cy !== undefined ? <circle key={i} cx={cx} cy={cy} r={2.5} fill={color} /> : <g key={i} />;
  };
}

/** Lag over time, as a total, per topic or per partition; updates as the server samples. */
export function LagChart({ history, sampleIntervalMs }: { history: LagSample[]; sampleIntervalMs: number }) {
  const [mode, setMode] = useState<LagChartMode>('total');
  const chart = lagChart(history, mode);
  const coverage = mode === 'total' ? chart.coverage : null;
  return (
    <section aria-labelledby="lag-chart-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex items-center gap-3">
        <h2 id="lag-chart-heading" className="font-semibold">
          Lag over time
        </h2>
        <div role="radiogroup" aria-label="Chart lag by" className="flex gap-1 text-sm">
          {(['total', 'topic', 'partition'] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="radio"
              aria-checked={mode === m}
              onClick={() => setMode(m)}
              className={`rounded px-2 py-0.5 ${mode === m ? 'bg-indigo-600 text-white' : 'text-slate-600 hover:bg-slate-100'}`}
            >
              {m === 'total' ? 'Total' : m === 'topic' ? 'Per topic' : 'Per partition'}
            </button>
          ))}
        </div>
        <span className="ml-auto text-xs text-slate-500">
          {history.length} samples, one every {sampleIntervalMs / 1000} s
        </span>
      </div>
      {coverage ? (
        <p className="text-xs text-amber-700" data-testid="lag-chart-coverage">
          Total of {coverage.counted} of {coverage.seen} partitions: {coverage.seen - coverage.counted} missing from some samples are not counted, so gaps do
          not read as drops.
        </p>
      ) : null}
      {history.length < 2 ? (
        <p className="py-10 text-center text-sm text-slate-500">Collecting samples… the chart fills in as the server samples lag.</p>
      ) : (
        <div className="h-64" data-testid="lag-chart">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={chart.rows} margin={{ left: 8, right: 16, top: 8, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
              <XAxis dataKey="t" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={time} fontSize={11} />
              <YAxis allowDecimals={false} fontSize={11} width={56} />
              <Tooltip labelFormatter={(t) => time(Number(t))} />
              {chart.series.length > 1 ? <Legend wrapperStyle={{ fontSize: 11 }} /> : null}
              {chart.series.slice(0, 24).map((name, i) => (
                <Line
                  key={name}
                  dataKey={(row: LagChartRow) => row.values[i]}
                  name={name}
                  stroke={COLORS[i % COLORS.length]}
                  dot={loneDot(chart.rows, i, COLORS[i % COLORS.length])}
                  activeDot={{ r: 3 }}
                  strokeWidth={1.5}
                  isAnimationActive={false}
                  connectNulls={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </section>
  );
}
