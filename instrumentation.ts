/** Runs once when the server starts: a bad cluster configuration stops it with a clear message. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getClusters, ConfigError } = await import('./lib/config');
  const { parseAuthUsers, AuthConfigError } = await import('./lib/auth/users');
  try {
    const users = parseAuthUsers(process.env.AUTH_USERS);
    console.info(users ? `Login required: ${users.length} user(s)` : 'Login is off (set AUTH_USERS to require it)');
    const clusters = getClusters();
    console.info(`Clusters: ${clusters.map((c) => `${c.name} (${c.brokers.join(',')})`).join('; ')}`);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof AuthConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
