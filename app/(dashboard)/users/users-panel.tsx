'use client';

import { useId, useState, type ReactNode } from 'react';
import { useI18n } from '@/components/i18n/client';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { SecretReveal } from '@/components/ui/secret-reveal';
import type { Role } from '@/server/db/generated/client';
import { CreateUserForm, type CreatedUser } from './create-user-form';
import type { Reveal } from './reveal';
import { UsersTable } from './users-table';

export interface UsersPanelProps {
  viewer: { id: string; role: Role };
  /** The company page's company; the users page leaves it out. */
  companyId?: string;
  /** Label of the button that opens the create form. */
  createLabel: string;
  /** Renders the heading with the create button in its place (a page header, or a section heading). */
  renderHeader: (createButton: ReactNode) => ReactNode;
}

/** A users table with its create form, one-time password display and action feedback. */
export function UsersPanel({ viewer, companyId, createLabel, renderHeader }: UsersPanelProps) {
  const { t } = useI18n();
  const [creating, setCreating] = useState(false);
  const [reveal, setReveal] = useState<Reveal | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const panelId = useId();

  function showReveal(next: Reveal) {
    setNotice(null);
    setReveal(next);
  }

  function handleCreated(user: CreatedUser) {
    setCreating(false);
    if (user.temporaryPassword) {
      showReveal({
        title: t('users.created.title', { email: user.email }),
        description: t('users.created.description'),
        values: [{ label: t('users.passwordLabel'), value: user.temporaryPassword, testId: 'temporary-password' }],
      });
    }
  }

  const createButton = (
    <Button
      aria-expanded={creating}
      aria-controls={panelId}
      onClick={() => {
        setCreating((open) => !open);
        setNotice(null);
      }}
    >
      {createLabel}
    </Button>
  );

  return (
    <>
      {renderHeader(createButton)}
      <section id={panelId} hidden={!creating} aria-label={createLabel}>
        <Card className="mb-6 p-4 sm:p-6">{creating ? <CreateUserForm viewerRole={viewer.role} companyId={companyId} onCreated={handleCreated} onCancel={() => setCreating(false)} /> : null}</Card>
      </section>
      {reveal ? <SecretReveal {...reveal} onDone={() => setReveal(null)} className="mb-6" /> : null}
      <div role="status">{notice ? <Alert tone="info" className="mb-4">{notice}</Alert> : null}</div>
      <Card className="overflow-hidden">
        <UsersTable viewer={viewer} companyId={companyId} onReveal={showReveal} onNotice={setNotice} />
      </Card>
    </>
  );
}
