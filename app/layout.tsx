import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Kafka Dashboard', template: '%s · Kafka Dashboard' },
  description: 'Brokers, topics, messages and consumer groups of your Apache Kafka clusters.',
  icons: { icon: { url: '/favicon.svg', type: 'image/svg+xml' } },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, so each carries the nonce of its own Content-Security-Policy
  // (proxy.ts); a prerendered page would have scripts without it, which the policy blocks.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
