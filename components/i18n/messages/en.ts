import type { Messages } from './zh-CN';

import { alertsEn } from './sections/alerts.en';
import { adminEn } from './sections/admin.en';
import { alertRulesEn } from './sections/alert-rules.en';
import { checkoutEn } from './sections/checkout.en';
import { exportsEn } from './sections/exports.en';
import { dingtalkEn } from './sections/dingtalk.en';
import { merchantsEn } from './sections/merchants.en';
import { overviewEn } from './sections/overview.en';
import { paymentsEn } from './sections/payments.en';
import { reconciliationEn } from './sections/reconciliation.en';
import { splitsEn } from './sections/splits.en';
import { webhooksEn } from './sections/webhooks.en';

export const en: Messages = {
  ...adminEn,
  ...alertRulesEn,
  ...alertsEn,
  ...checkoutEn,
  ...exportsEn,
  ...dingtalkEn,
  ...merchantsEn,
  ...overviewEn,
  ...paymentsEn,
  ...reconciliationEn,
  ...splitsEn,
  ...webhooksEn,
  common: {
    appName: 'PayCenter',
  },
  locale: {
    label: 'Language',
  },
  roles: {
    PLATFORM_ADMIN: 'Platform admin',
    COMPANY_ADMIN: 'Company admin',
    COMPANY_STAFF: 'Company staff',
    AUDITOR: 'Auditor',
  },
  login: {
    metaTitle: 'Sign in',
    title: 'Sign in to PayCenter',
    subtitle: 'Use your work email and password.',
    emailLabel: 'Email',
    passwordLabel: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    emailRequired: 'Enter your email.',
    emailInvalid: 'Enter a valid email address, like name@example.com.',
    passwordRequired: 'Enter your password.',
    errorTitle: 'Could not sign in',
    errors: {
      credentials: 'The email or password is incorrect. Check them and try again.',
      throttled: 'Too many failed sign-in attempts. For your security, try again after {time}.',
      throttledNoTime: 'Too many failed sign-in attempts. For your security, try again in a few minutes.',
      disabled: 'This account has been disabled. Contact your administrator to restore it.',
      unexpected: 'Something went wrong while signing in. Try again in a moment; if it keeps happening, contact your platform administrator.',
    },
    notices: {
      expiredTitle: 'Session expired',
      expired: 'Your session expired. Please sign in again.',
      revokedTitle: 'Signed out',
      revoked: 'Your session is no longer valid (your password or account status changed). Please sign in again.',
    },
    footer: 'For authorized personnel only. Every action is recorded in the audit log.',
  },
  nav: {
    label: 'Main navigation',
    openMenu: 'Open menu',
    closeMenu: 'Close menu',
    items: {
      overview: 'Overview',
      companies: 'Companies',
      merchants: 'Merchants',
      apps: 'Apps',
      payments: 'Payments',
      refunds: 'Refunds',
      webhooks: 'Webhooks',
      audit: 'Audit log',
      users: 'Staff',
      dingtalk: 'DingTalk robots',
      reconciliation: 'Reconciliation',
      alerts: 'Alerts',
    },
  },
  header: {
    skipToContent: 'Skip to main content',
    signOut: 'Sign out',
    signingOut: 'Signing out…',
  },
  home: {
    metaTitle: 'Overview',
    welcome: 'Welcome back, {name}',
    emptyTitle: 'No payments yet',
    nextSteps: 'Next steps',
    platformAdmin: {
      description: 'Payments appear here once a business app makes its first one. To get there:',
      step1: 'Register a property company and create its administrator account.',
      step2: 'Register a business app and get its integration credentials.',
    },
    companyAdmin: {
      description: 'Payments appear here once business apps collect through your merchants. To get there:',
      step1: 'Open a merchant.',
      step2: 'Activate a payment channel for it (such as Alipay or WeChat Pay) and enter the channel settings.',
    },
    other: {
      description: 'Nothing to show yet. Payments appear here once your company admin opens a merchant and activates a payment channel.',
    },
  },
};
