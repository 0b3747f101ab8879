'use client';

import { useId, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';

export interface CreatableListPageProps {
  title: string;
  description: string;
  /** The header button's label, which also names the panel it opens. */
  createLabel: string;
  /** The create form, given a way to close its panel (on cancel, or once it has created). */
  createForm: (close: () => void) => ReactNode;
  /** Shown between the panel and the list, e.g. what was just created. */
  notice?: ReactNode;
  /** The list, usually a ListTable. */
  children: ReactNode;
}

/** A list page whose header button opens a create form in a panel above the list. */
export function CreatableListPage({ title, description, createLabel, createForm, notice, children }: CreatableListPageProps) {
  const [creating, setCreating] = useState(false);
  const panelId = useId();

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title={title}
        description={description}
        actions={
          <Button aria-expanded={creating} aria-controls={panelId} onClick={() => setCreating((open) => !open)}>
            {createLabel}
          </Button>
        }
      />
      <section id={panelId} hidden={!creating} aria-labelledby={`${panelId}-title`}>
        <Card className="mb-6 p-4 sm:p-6">
          <h2 id={`${panelId}-title`} className="mb-4 text-base font-semibold text-slate-900">
            {createLabel}
          </h2>
          {/* Mounted only while open, so each opening starts from an empty form. */}
          {creating ? createForm(() => setCreating(false)) : null}
        </Card>
      </section>
      {notice}
      <Card className="overflow-hidden">{children}</Card>
    </div>
  );
}
