/**
 * Node flags the dashboard server runs with (`npm start`, `npm run serve`, the benchmarks).
 * - An 8 MB young generation (V8's default tops out at 16 MB). A 32 MB one once made tails 15–25%
 *   faster, when every record became a short-lived object on this thread; the tail's worker threads
 *   now do that (with a young generation of their own, tail-encoder.ts), and alternating runs
 *   showed tails no slower at 8 MB. Sampling 100,000 consumer groups keeps most of what it allocates
 *   until the next sample, so each scavenge copies much of it: over 30 s of sampling the longest
 *   pause was 230 ms at 32 MB, 175 ms at 16 MB and 93 ms at 8 MB (p90 77, 29 and 18 ms) for about
 *   the same total time, and every pause holds up the pages being served meanwhile.
 * - The old generation grows by half of what a full collection left live before the next one runs.
 *   V8's own factor goes up to 4× on a machine with this much memory: sampling 100,000 consumer
 *   groups every 10 s (each sample throws away about as much as it keeps), the server then held
 *   765–960 MB; with 1.5×, 575–690 MB, for about a tenth of a core more spent collecting.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=8', '--heap-growing-percent=50'];
