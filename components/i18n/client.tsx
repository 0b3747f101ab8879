'use client';

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Locale } from './config';
import type { Messages } from './messages/zh-CN';
import { createTranslator, type Translate } from './translate';

interface ClientI18n {
  locale: Locale;
  t: Translate;
}

const I18nContext = createContext<ClientI18n | null>(null);

/** Receives the current locale's dictionary from the server, so only one language reaches the browser. */
export function I18nProvider({ locale, messages, children }: { locale: Locale; messages: Partial<Messages>; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: createTranslator(messages) }), [locale, messages]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): ClientI18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider> (app/providers.tsx, or the page\'s own)');
  return value;
}
