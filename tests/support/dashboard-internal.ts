/**
 * The dashboard's own state on a cluster (issue 16): the lag history topic, the sampler election's
 * topic and consumer group (`__kafka_dashboard_lag`, `__kafka_dashboard_sampler_election`,
 * `__kafka_dashboard_sampler`, or a test's own names with that prefix). Any dashboard running on
 * the shared cluster (another checkout's e2e server, say) may create them or join and leave the
 * group at any moment: comparisons of the whole cluster leave them out, as Kafka's own `__` topics.
 */
export const isDashboardInternal = (name: string) => name.startsWith('__kafka_dashboard');
