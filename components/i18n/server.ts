import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { LOCALE_COOKIE, type Locale } from './config';
import { en } from './messages/en';
import { zhCN, type Messages } from './messages/zh-CN';
import { negotiateLocale } from './negotiate-locale';
import { createTranslator, type Translate } from './translate';

const dictionaries: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

export interface ServerI18n {
  locale: Locale;
  /** The whole dictionary, for handing to `I18nProvider` so client components translate too. */
  messages: Messages;
  t: Translate;
}

/** The request's locale and translator; cached so every server component of a request shares one. */
export const getI18n = cache(async (): Promise<ServerI18n> => {
  const [jar, headerList] = await Promise.all([cookies(), headers()]);
  const locale = negotiateLocale(jar.get(LOCALE_COOKIE)?.value, headerList.get('accept-language'));
  const messages = dictionaries[locale];
  return { locale, messages, t: createTranslator(messages) };
});
