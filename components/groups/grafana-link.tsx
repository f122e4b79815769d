/** Where to take this group's lag into Grafana: the dashboard JSON in the repo (public/grafana/) and /metrics. */
export function GrafanaLink() {
  return (
    <p className="text-xs text-slate-500">
      In Grafana: scrape{' '}
      <a className="text-indigo-700 underline" href="/metrics">
        /metrics
      </a>{' '}
      with Prometheus and import{' '}
      <a className="text-indigo-700 underline" href="/grafana/consumer-lag.json" download>
        the consumer-lag dashboard (JSON)
      </a>
      .
    </p>
  );
}
