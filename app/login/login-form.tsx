'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '@/components/i18n/client';
import type { Locale } from '@/components/i18n/config';
import type { Translate } from '@/components/i18n/translate';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { parseLoginError, type LoginError } from './login-error';

interface FieldErrors {
  email?: string;
  password?: string;
}

function validate(email: string, password: string, t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  if (!email) errors.email = t('login.emailRequired');
  else if (!/^[^\s@]+@[^\s@]+$/.test(email)) errors.email = t('login.emailInvalid');
  if (!password) errors.password = t('login.passwordRequired');
  return errors;
}

function errorMessage(error: LoginError, t: Translate, locale: Locale): string {
  switch (error.kind) {
    case 'credentials':
      return t('login.errors.credentials');
    case 'throttled':
      // Waits run from 1 s to minutes, so the time is given to the second.
      return error.retryAt
        ? t('login.errors.throttled', { time: new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(error.retryAt) })
        : t('login.errors.throttledNoTime');
    case 'disabled':
      return t('login.errors.disabled');
    case 'unexpected':
      return t('login.errors.unexpected');
  }
}

export interface LoginFormProps {
  /** Already checked by safeCallbackUrl. */
  callbackUrl: string;
  /** `?error=` from the URL, when next-auth sent the browser back here with one. */
  initialError: string | null;
}

export function LoginForm({ callbackUrl, initialError }: LoginFormProps) {
  const { locale, t } = useI18n();
  const router = useRouter();
  const [error, setError] = useState<LoginError | null>(() => parseLoginError(initialError));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  // Each failure is a new object, so focus moves to the message after every failed attempt.
  useEffect(() => {
    if (error) alertRef.current?.focus();
  }, [error]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const errors = validate(email, password, t);
    setFieldErrors(errors);
    if (errors.email || errors.password) {
      (errors.email ? emailRef : passwordRef).current?.focus();
      return;
    }

    setError(null);
    setPending(true);
    try {
      const result = await signIn('credentials', { redirect: false, email, password, callbackUrl });
      if (result?.ok && !result.error) {
        // Stay busy until the next page replaces this one.
        router.push(callbackUrl || '/');
        return;
      }
      setError(parseLoginError(result?.error) ?? { kind: 'unexpected' });
    } catch {
      setError({ kind: 'unexpected' });
    }
    setPending(false);
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-5" data-testid="login-form">
      <div role="alert" aria-atomic="true">
        {error ? (
          <Alert ref={alertRef} tabIndex={-1} tone="error" title={t('login.errorTitle')} className="outline-none">
            {/* The retry time is formatted in the reader's time zone, which the server may not share. */}
            <p suppressHydrationWarning>{errorMessage(error, t, locale)}</p>
          </Alert>
        ) : null}
      </div>
      <Input
        ref={emailRef}
        label={t('login.emailLabel')}
        name="email"
        type="email"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        error={fieldErrors.email}
      />
      <Input
        ref={passwordRef}
        label={t('login.passwordLabel')}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={fieldErrors.password}
      />
      <Button type="submit" aria-disabled={pending || undefined} className="w-full">
        {pending ? t('login.submitting') : t('login.submit')}
      </Button>
    </form>
  );
}
