import type { AlertKind } from '@/server/db/generated/client';

const KIND_TITLES: Record<AlertKind, string> = {
  DUPLICATE_PAYMENT: '重复支付',
  AMOUNT_MISMATCH: '金额不符',
  REFUND_FAILED: '退款失败',
  CALLBACK_REJECTED: '渠道回调被拒绝',
  WEBHOOK_EXHAUSTED: 'Webhook 重试已用尽',
  CERTIFICATE_EXPIRING: '证书即将过期',
  RECONCILIATION_DISCREPANCY: '对账发现差异',
  REFUND_STUCK: '退款长时间处理中',
  CHANNEL_FAILING: '支付渠道异常',
  WEBHOOK_ENDPOINT_FAILING: '应用通知地址持续失败',
  RECONCILIATION_LATE: '对账未按时完成',
  JOB_FAILING: '后台任务异常',
};

export interface AlertBurst {
  kind: AlertKind;
  serialNo: string | null;
  companyName: string | null;
  /** How many alerts of this kind and subject the message reports, and over which period. */
  count: number;
  firstAt: Date;
  lastAt: Date;
  /** The newest alert's message: written by PayCenter, but it may quote URLs or values. */
  message: string;
  /** The dashboard page of the subject. */
  link: string;
}

const MESSAGE_CHARS = 300;

/**
 * Keeps a free-text alert message fit for a chat group: URLs lose their query (access tokens ride
 * there) and `name=value` pairs whose name looks secret lose their value. Alert details are never
 * quoted at all.
 */
export function withoutSecrets(message: string): string {
  return message
    .replace(/\bhttps?:\/\/[^\s"'<>)]+/gi, (url) => {
      try {
        const parsed = new URL(url);
        return `${parsed.origin}${parsed.pathname}`;
      } catch {
        return '[URL]';
      }
    })
    .replace(/\b([\w-]*(?:secret|token|password|passwd|key|sign|signature|credential)[\w-]*)(\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s,;&]+)/gi, '$1$2***')
    .slice(0, MESSAGE_CHARS);
}

/** Beijing time, as staff read it: 2026-12-07 17:45. */
function beijing(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]#>|])/g, '\\$1');
}

/** The markdown message of one burst: one line per fact, the count and period, and the dashboard link. */
export function alertMessage(burst: AlertBurst): { title: string; text: string } {
  const title = `【PayCenter 告警】${KIND_TITLES[burst.kind]}`;
  const minutes = Math.max(1, Math.ceil((burst.lastAt.getTime() - burst.firstAt.getTime()) / 60_000));
  const count = burst.count === 1 ? `发生于 ${beijing(burst.firstAt)}（北京时间）` : `${minutes} 分钟内共 **${burst.count}** 次（${beijing(burst.firstAt)} 至 ${beijing(burst.lastAt)}，北京时间）`;
  const lines = [
    `### ${title}`,
    burst.serialNo ? `- 支付：${escapeMarkdown(burst.serialNo)}` : null,
    burst.companyName ? `- 物业公司：${escapeMarkdown(burst.companyName)}` : '- 范围：平台',
    `- ${count}`,
    '',
    `> ${escapeMarkdown(withoutSecrets(burst.message))}`,
    '',
    `[在控制台查看](${burst.link})`,
  ];
  return { title, text: lines.filter((line) => line !== null).join('\n') };
}
