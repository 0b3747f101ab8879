import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getI18n } from '@/components/i18n/server';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'PayCenter 支付中心', template: '%s · PayCenter 支付中心' },
  description: 'PayCenter: unified payments (Alipay, WeChat Pay, EasyPay) for property services companies',
  // An operator console: nothing in it belongs in a search engine.
  robots: { index: false, follow: false },
  icons: { icon: [{ url: '/icon.svg', type: 'image/svg+xml' }, { url: '/favicon.ico', sizes: '32x32' }], apple: '/apple-touch-icon.png' },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale } = await getI18n();
  // No client providers here: the public checkout must not download the dashboard's (tRPC, React Query).
  return (
    <html lang={locale}>
      <body className="min-h-dvh font-sans">{children}</body>
    </html>
  );
}
