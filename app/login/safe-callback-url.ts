/**
 * Where to go after signing in. Only same-site paths are allowed, so a crafted link cannot send a
 * freshly signed-in user to another site: "//evil.example" and "/\evil.example" are protocol-relative
 * to browsers, and control characters are stripped by them ("/\t/evil.example" becomes "//evil.example").
 */
export function safeCallbackUrl(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//')) return '/';
  const unsafe = [...value].some((char) => char === '\\' || char.charCodeAt(0) < 0x20 || char === '\u007f');
  return unsafe ? '/' : value;
}
