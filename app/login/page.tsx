import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { I18nProvider } from '@/components/i18n/client';
import { getI18n } from '@/components/i18n/server';
import { LocaleSwitch } from '@/components/i18n/locale-switch';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { Logo } from '@/components/ui/logo';
import { currentUser } from '@/server/auth/current-user';
import { LoginForm } from './login-form';
import { safeCallbackUrl } from './safe-callback-url';

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('login.metaTitle') };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [params, session, { t, locale, messages }] = await Promise.all([searchParams, currentUser(), getI18n()]);
  if (session.user) redirect('/');

  const reason = first(params.reason);
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl));

  return (
    <div className="flex min-h-dvh flex-col bg-linear-to-b from-brand-50 to-slate-50">
      <header className="flex items-center justify-between gap-4 px-4 py-4 sm:px-8">
        <Logo name={t('common.appName')} />
        <LocaleSwitch />
      </header>
      <main className="flex flex-1 justify-center px-4 pt-6 pb-12 sm:items-center sm:pt-0">
        <div className="w-full max-w-sm">
          <Card className="p-6 sm:p-8">
            <h1 className="text-xl font-semibold text-slate-900">{t('login.title')}</h1>
            <p className="mt-1 text-sm text-slate-600">{t('login.subtitle')}</p>
            {reason === 'expired' || reason === 'revoked' ? (
              <Alert role="status" tone="warning" title={t(`login.notices.${reason}Title`)} className="mt-5">
                {t(`login.notices.${reason}`)}
              </Alert>
            ) : null}
            <div className="mt-6">
              <I18nProvider locale={locale} messages={{ login: messages.login }}>
                <LoginForm callbackUrl={callbackUrl} initialError={first(params.error) ?? null} />
              </I18nProvider>
            </div>
          </Card>
          <p className="mt-6 text-center text-xs text-slate-600">{t('login.footer')}</p>
        </div>
      </main>
    </div>
  );
}
