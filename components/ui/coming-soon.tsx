/** An honest placeholder for a section whose issue is still open. */
export function ComingSoon({ title, cli }: { title: string; cli: string }) {
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">{title}</h1>
      <div role="status" className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
        <p>This view is not built yet. Until it is, the Kafka CLI answers the same question:</p>
        <pre className="mt-2 overflow-x-auto rounded bg-slate-900 p-3 text-slate-100">{cli}</pre>
      </div>
    </div>
  );
}
