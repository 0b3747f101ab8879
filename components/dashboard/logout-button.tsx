'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { useI18n } from '@/components/i18n/client';
import { Button } from '@/components/ui/button';

export function LogoutButton() {
  const { t } = useI18n();
  const [pending, setPending] = useState(false);

  async function handleClick() {
    if (pending) return;
    setPending(true);
    try {
      await signOut({ callbackUrl: '/login' });
    } catch {
      // signOut navigates away on success; if the request failed, let the user try again.
      setPending(false);
    }
  }

  return (
    <Button variant="secondary" onClick={handleClick} aria-disabled={pending || undefined} data-testid="logout-button">
      {pending ? t('header.signingOut') : t('header.signOut')}
    </Button>
  );
}
