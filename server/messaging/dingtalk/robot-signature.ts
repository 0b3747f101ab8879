import { createHmac } from 'node:crypto';

/**
 * DingTalk's 加签 for custom robots: Base64(HmacSHA256(key = secret, message = timestamp + "\n" +
 * secret)), timestamp in milliseconds. Returned before URL encoding; `signedRobotUrl` encodes it.
 */
export function robotSignature(secret: string, timestamp: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
}

/** The robot's webhook URL with `&timestamp=…&sign=…` appended, as DingTalk expects them. */
export function signedRobotUrl(webhookUrl: string, secret: string | undefined, now: Date): string {
  if (!secret) return webhookUrl;
  const timestamp = String(now.getTime());
  const separator = webhookUrl.includes('?') ? '&' : '?';
  return `${webhookUrl}${separator}timestamp=${timestamp}&sign=${encodeURIComponent(robotSignature(secret, timestamp))}`;
}
