/**
 * Node flags the dashboard server runs with (`npm start`, `npm run serve`, the benchmarks).
 * - A 32 MB young generation (V8's default tops out at 16 MB): a tail turns every record into a
 *   short-lived message object and JSON text, and with the default the scavenger ran so often that
 *   a 200,000-message tail took 15–25% longer (same machine, alternating runs). It costs up to
 *   ~64 MB more resident memory while busy.
 * - The old generation grows by half of what a full collection left live before the next one runs.
 *   V8's own factor goes up to 4× on a machine with this much memory: sampling 100,000 consumer
 *   groups every 10 s (each sample throws away about as much as it keeps), the server then held
 *   765–960 MB; with 1.5×, 575–690 MB, for about a tenth of a core more spent collecting.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=32', '--heap-growing-percent=50'];
