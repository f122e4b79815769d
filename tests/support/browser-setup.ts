// Setup for the `browser` Vitest project: Testing Library's cleanup runs by itself only with
// Vitest globals on, which this project does not use; fakes must not leak into the next test.
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
