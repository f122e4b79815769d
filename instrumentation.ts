/** Runs once when the server starts: a bad cluster configuration stops it with a clear message. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getClusters, ConfigError } = await import('./lib/config');
  try {
    const clusters = getClusters();
    console.info(`Clusters: ${clusters.map((c) => `${c.name} (${c.brokers.join(',')})`).join('; ')}`);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
