import type { inferRouterInputs } from '@trpc/server';
import type { AppRouter } from '@/server/api/root';
import type { RouterOutputs } from '../router-outputs';

export type MerchantListItem = RouterOutputs['merchants']['list']['items'][number];
export type MerchantDetail = RouterOutputs['merchants']['get'];
export type ChannelView = MerchantDetail['channels'][number];
export type TrustedEntry = ChannelView['trusted'][number];
export type MerchantGrant = MerchantDetail['grants'][number];
export type ChannelKind = ChannelView['channel'];

type RouterInputs = inferRouterInputs<AppRouter>;

/** An invoke method a channel can serve (the center's own CASHIER is never one). */
export type ChannelInvokeMethod = RouterInputs['channels']['activate']['invokeMethods'][number];
export type ChannelMode = RouterInputs['channels']['activate']['mode'];
