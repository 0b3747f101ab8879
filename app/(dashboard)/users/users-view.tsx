'use client';

import { useI18n } from '@/components/i18n/client';
import { PageHeader } from '@/components/ui/page-header';
import type { Role } from '@/server/db/generated/client';
import { UsersPanel } from './users-panel';

export function UsersView({ viewer, companyName }: { viewer: { id: string; role: Role }; companyName: string | null }) {
  const { t } = useI18n();
  return (
    <div className="mx-auto max-w-6xl">
      <UsersPanel
        viewer={viewer}
        createLabel={t('users.create')}
        renderHeader={(createButton) => (
          <PageHeader
            title={t('users.title')}
            description={companyName ? t('users.descriptionCompany', { company: companyName }) : t('users.descriptionPlatform')}
            actions={createButton}
          />
        )}
      />
    </div>
  );
}
