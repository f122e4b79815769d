/**
 * Node flags the dashboard server runs with (`npm start`, `npm run serve`, the benchmarks).
 * A 32 MB young generation (V8's default tops out at 16 MB): a tail turns every record into a
 * short-lived message object and JSON text, and with the default the scavenger ran so often that
 * a 200,000-message tail took 15–25% longer (same machine, alternating runs). It costs up to
 * ~64 MB more resident memory while busy.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=32'];
