import { cx } from '@/components/ui/cx';
import { focusRing } from '@/components/ui/focus-ring';
import { locales, type Locale } from './config';
import { getI18n } from './server';
import { setLocale } from './set-locale';

/** Each language named in itself, so a reader of either can find theirs. */
const localeNames: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

/**
 * A plain form posting to a server action: works before hydration and ships no JavaScript of its own.
 */
export async function LocaleSwitch({ className }: { className?: string }) {
  const { locale, t } = await getI18n();
  return (
    <form action={setLocale} className={className}>
      <div role="group" aria-label={t('locale.label')} className="inline-flex rounded-md border border-slate-300 bg-white p-0.5 text-sm">
        {locales.map((option) => {
          const active = option === locale;
          return (
            <button
              key={option}
              type="submit"
              name="locale"
              value={option}
              lang={option}
              aria-pressed={active}
              className={cx(
                'rounded px-2.5 py-1 font-medium',
                focusRing,
                active ? 'bg-brand-700 text-white' : 'text-slate-700 hover:bg-slate-100',
              )}
            >
              {localeNames[option]}
            </button>
          );
        })}
      </div>
    </form>
  );
}
