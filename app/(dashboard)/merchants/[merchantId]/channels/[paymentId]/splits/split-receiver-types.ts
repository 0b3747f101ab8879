import type { Translate } from '@/components/i18n/translate';
import type { inferRouterInputs } from '@trpc/server';
import type { AppRouter } from '@/server/api/root';
import type { RouterOutputs } from '../../../../../router-outputs';

export type SplitReceiversData = RouterOutputs['splitReceivers']['list'];
export type SplitChannel = SplitReceiversData['channel'];
export type ReceiverRow = SplitReceiversData['receivers'][number];
export type ReceiverAccountType = SplitChannel['accountTypes'][number];

/** WeChat Pay's relation types (relation_type), in its order; CUSTOM takes a relation of the merchant's own words. */
export const RELATION_TYPES = ['SERVICE_PROVIDER', 'STORE', 'STAFF', 'STORE_OWNER', 'PARTNER', 'HEADQUARTER', 'BRAND', 'DISTRIBUTOR', 'USER', 'SUPPLIER', 'CUSTOM'] as const satisfies readonly inferRouterInputs<AppRouter>['splitReceivers']['register']['relationType'][];
export type RelationType = (typeof RELATION_TYPES)[number];

/** A receiver's relation as people read it: the merchant's own words for CUSTOM, the stored code if it is not one we know. */
export function relationLabel(receiver: { relationType: string; customRelation: string | null }, t: Translate): string {
  if (receiver.relationType === 'CUSTOM' && receiver.customRelation) return receiver.customRelation;
  const known = RELATION_TYPES.find((type) => type === receiver.relationType);
  return known ? t(`splits.receivers.relationTypes.${known}`) : receiver.relationType;
}

/** The receivers list's status filter, kept in the URL (`?status=`); bound receivers by default. */
export const RECEIVER_FILTERS = ['ACTIVE', 'REMOVED', 'ALL'] as const;
export type ReceiverFilter = (typeof RECEIVER_FILTERS)[number];

export function receiverFilterOf(value: string | string[] | undefined): ReceiverFilter {
  return RECEIVER_FILTERS.find((filter) => filter === value) ?? 'ACTIVE';
}
