import { db } from '@/server/db/client';

const MAX_TEXT_CHARS = 15_000;

/**
 * Folds claimed pending messages of one robot into the first of them, for a robot at its rate
 * limit: nothing is dropped — the others become MERGED (pointing at the survivor) and the
 * survivor's text carries all of them, or says how many are left out when it would grow too long.
 */
export async function mergeMessages(ids: readonly string[]): Promise<string> {
  const [survivorId, ...others] = ids;
  if (!survivorId) throw new Error('mergeMessages needs at least one message');
  if (others.length === 0) return survivorId;
  await db().$transaction(async (tx) => {
    const rows = await tx.dingtalkMessage.findMany({ where: { id: { in: [...ids] } }, orderBy: { createdAt: 'asc' } });
    const parts: string[] = [];
    let length = 0;
    for (const row of rows) {
      if (length + row.text.length > MAX_TEXT_CHARS) break;
      parts.push(row.text);
      length += row.text.length + 7;
    }
    const left = rows.length - parts.length;
    const header = `### 【PayCenter 告警】合并 ${rows.length} 条\n\n钉钉机器人每分钟最多接收 20 条消息，以下告警合并发送。`;
    const footer = left > 0 ? [`另有 ${left} 条告警未列出，请在控制台查看。`] : [];
    await tx.dingtalkMessage.update({
      where: { id: survivorId },
      data: {
        title: `【PayCenter 告警】合并 ${rows.length} 条`,
        text: [header, ...parts, ...footer].join('\n\n---\n\n'),
        alertCount: rows.reduce((sum, row) => sum + row.alertCount, 0),
        // A merged message is about several subjects; the burst rule keeps looking at the originals.
        alertKind: null,
        subject: null,
      },
    });
    await tx.dingtalkMessage.updateMany({ where: { id: { in: others } }, data: { status: 'MERGED', mergedIntoId: survivorId, leaseUntil: null } });
  });
  return survivorId;
}
