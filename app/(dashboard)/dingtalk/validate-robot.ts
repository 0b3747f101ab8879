import type { Translate } from '@/components/i18n/translate';

export interface RobotValues {
  companyId: string;
  name: string;
  webhookUrl: string;
  secret: string;
}

export const ROBOT_FIELDS = ['companyId', 'name', 'webhookUrl', 'secret'] as const;

export const emptyRobot: RobotValues = { companyId: '', name: '', webhookUrl: '', secret: '' };

/** The server's rules (server/backend/dingtalk-robots/add-robot.ts), checked first so errors read in the reader's language. */
export function validateRobot(values: RobotValues, t: Translate, needsCompany: boolean): Partial<Record<keyof RobotValues, string>> {
  const errors: Partial<Record<keyof RobotValues, string>> = {};
  if (needsCompany && !values.companyId) errors.companyId = t('dingtalk.validation.company');
  const name = values.name.trim();
  if (!name || name.length > 64) errors.name = t('dingtalk.validation.name');
  if (!/^https?:\/\/\S+[?&]access_token=\S+$/.test(values.webhookUrl.trim())) errors.webhookUrl = t('dingtalk.validation.webhookUrl');
  if (!/^SEC[0-9a-zA-Z]{20,200}$/.test(values.secret.trim())) errors.secret = t('dingtalk.validation.secret');
  return errors;
}

export function robotInput(values: RobotValues) {
  return { companyId: values.companyId || undefined, name: values.name.trim(), webhookUrl: values.webhookUrl.trim(), secret: values.secret.trim() };
}
