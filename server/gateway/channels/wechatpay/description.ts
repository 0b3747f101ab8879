// WeChat Pay limits `description` to 127 bytes of UTF-8. Cut whole characters (code points) so a
// Chinese subject never ends in half a character, which WeChat would refuse as invalid UTF-8.
export const DESCRIPTION_MAX_BYTES = 127;

export function wechatDescription(subject: string, maxBytes = DESCRIPTION_MAX_BYTES): string {
  let bytes = 0;
  let out = '';
  for (const char of subject) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > maxBytes) break;
    bytes += size;
    out += char;
  }
  return out;
}
