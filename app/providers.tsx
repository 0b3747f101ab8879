'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { useState, type ReactNode } from 'react';
import { trpcTransformer } from '@/server/contract/trpc-transformer';
import { I18nProvider } from '@/components/i18n/client';
import type { Locale } from '@/components/i18n/config';
import type { Messages } from '@/components/i18n/messages/zh-CN';
import { TRPCProvider } from '@/components/trpc/react';
import type { AppRouter } from '@/server/api/root';

/** Retrying cannot fix a client error (bad input, signed out, forbidden); only retry server or network failures. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof TRPCClientError) {
    const status: unknown = error.data?.httpStatus;
    if (typeof status === 'number' && status < 500) return false;
  }
  return failureCount < 2;
}

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry },
      mutations: { retry: false },
    },
  });
}

export function Providers({ locale, messages, children }: { locale: Locale; messages: Messages; children: ReactNode }) {
  // One client per browser tab (and per server render), never shared between users.
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: '/api/trpc', transformer: trpcTransformer })],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <I18nProvider locale={locale} messages={messages}>
          {children}
        </I18nProvider>
      </TRPCProvider>
    </QueryClientProvider>
  );
}
