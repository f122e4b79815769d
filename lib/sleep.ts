/** Waits `ms` milliseconds (retry pauses, polling intervals); fake timers advance it like any setTimeout. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
