// Browser-safe: the dashboard's app form and the server's app input share these checks.

/** An http(s) URL without credentials in it. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** scheme://host[:port] and nothing more but an optional slash: where a payment may return its payer. */
export function isOrigin(value: string): boolean {
  if (!isHttpUrl(value)) return false;
  const url = new URL(value);
  return url.pathname === '/' && !url.search && !url.hash;
}
