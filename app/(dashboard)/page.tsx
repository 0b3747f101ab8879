import type { Metadata } from 'next';
import { getI18n } from '@/components/i18n/server';
import type { Translate } from '@/components/i18n/translate';
import { EmptyState } from '@/components/ui/empty-state';
import type { Role } from '@/server/db/generated/client';
import { Overview } from './_overview/overview';
import { requireUser } from './require-user';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('home.metaTitle') };
}

/** What stands between this role and its first payment; roles that set nothing up only wait. */
function gettingStarted(role: Role, t: Translate): { description: string; steps: string[] } {
  switch (role) {
    case 'PLATFORM_ADMIN':
      return { description: t('home.platformAdmin.description'), steps: [t('home.platformAdmin.step1'), t('home.platformAdmin.step2')] };
    case 'COMPANY_ADMIN':
      return { description: t('home.companyAdmin.description'), steps: [t('home.companyAdmin.step1'), t('home.companyAdmin.step2')] };
    case 'COMPANY_STAFF':
    case 'AUDITOR':
      return { description: t('home.other.description'), steps: [] };
  }
}

export default async function HomePage() {
  const [user, { t }] = await Promise.all([requireUser(), getI18n()]);
  const { description, steps } = gettingStarted(user.role, t);

  const platformAdmin = user.role === 'PLATFORM_ADMIN';

  return (
    <div className="mx-auto max-w-7xl">
      <h1 className="text-2xl font-semibold text-slate-900" data-testid="dashboard-home-heading">
        {t('home.welcome', { name: user.name })}
      </h1>
      <p className="mt-1 mb-6 max-w-prose text-sm text-slate-600">{t('overview.description')}</p>
      <Overview
        showCompany={platformAdmin}
        gettingStarted={
          <EmptyState title={t('home.emptyTitle')} description={description} className="mx-auto max-w-4xl">
            {steps.length > 0 ? (
              <>
                <h3 className="text-sm font-semibold text-slate-900">{t('home.nextSteps')}</h3>
                <ol className="mt-3 space-y-3">
                  {steps.map((step, index) => (
                    <li key={step} className="flex gap-3 text-sm text-slate-700">
                      <span aria-hidden="true" className="grid size-6 shrink-0 place-items-center rounded-full bg-brand-700 text-xs font-semibold text-white">
                        {index + 1}
                      </span>
                      <span className="pt-0.5">{step}</span>
                    </li>
                  ))}
                </ol>
              </>
            ) : null}
          </EmptyState>
        }
      />
    </div>
  );
}
