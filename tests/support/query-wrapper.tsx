import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';

/**
 * A fresh QueryClient per test: no retries unless a query sets its own (as the 404 rules do), so
 * an error answer shows at once; nothing shared between tests.
 */
export function testQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

/** The wrapper renderHook and render take: the hooks under test need a QueryClientProvider. */
export function withQueryClient(client: QueryClient) {
  // biome-ignore lint/correctness/noComponentHookFactories: one wrapper per test's client, made once per render call
  return function Wrapper({ children }: { children: ReactNode }) {
    return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  };
}
