import { clusterHealth, type HealthInput } from '@/lib/cluster-health';

/** One line that answers "is the cluster all right?": Healthy, or each thing that is wrong. */
export function HealthVerdict({ overview }: { overview: HealthInput }) {
  const verdict = clusterHealth(overview);
  if (verdict.healthy) {
    return (
      <p
        data-testid="health-verdict"
        role="status"
        className="flex items-center gap-2 rounded-md border border-emerald-300 bg-emerald-50 px-4 py-2 text-emerald-900"
      >
        <span className="font-semibold">Healthy</span>
        <span className="text-sm">All brokers up, no under-replicated or offline partitions, active controller known.</span>
      </p>
    );
  }
  return (
    <div data-testid="health-verdict" role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-2 text-red-900">
      <p className="font-semibold">Needs attention</p>
      <ul className="mt-1 list-disc pl-5 text-sm">
        {verdict.problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}
