// For integration tests: a receiver's account turns abnormal at the simulated WeChat Pay, so that
// returns from it fail (result FAILED, fail_reason ACCOUNT_ABNORMAL) as at WeChat.
import { db } from '@/server/db/client';

export async function markWechatReceiverAbnormal(options: { mchId: string; account: string; abnormal?: boolean }): Promise<void> {
  const updated = await db().sandboxWechatReceiver.updateMany({ where: { mchId: options.mchId, type: 'MERCHANT_ID', account: options.account }, data: { accountAbnormal: options.abnormal ?? true } });
  if (updated.count !== 1) throw new Error(`${options.account} is not a merchant receiver added by ${options.mchId}`);
}
