import { z } from 'zod';

// Zod probes `new Function` to compile faster parsers; under the pages' Content-Security-Policy
// (no eval) that probe is a violation. Everything imports zod from here, configured without it.
z.config({ jitless: true });

export { z };
export type { ZodError, ZodType } from 'zod';
