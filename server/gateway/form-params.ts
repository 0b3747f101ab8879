// Alipay notifies and return URLs, and EasyPay's GET callbacks (a PHP query string), are
// application/x-www-form-urlencoded: `+` is a space and a literal plus arrives as %2B, so one form
// decoding gives the exact values the channel signed.

export class FormParamsError extends Error {
  override name = 'FormParamsError';
}

function decodeFormComponent(raw: string): string {
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    throw new FormParamsError('malformed form body: a percent-escape is broken or not UTF-8');
  }
}

/** The parameters of a form body in arrival order. A repeated name is refused: a forged notify could smuggle a second value past whoever reads the other one. */
export function parseFormParams(body: string): Record<string, string> {
  const params = new Map<string, string>();
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const separator = pair.indexOf('=');
    const name = decodeFormComponent(separator === -1 ? pair : pair.slice(0, separator));
    const value = separator === -1 ? '' : decodeFormComponent(pair.slice(separator + 1));
    if (name === '') throw new FormParamsError('malformed form body: a parameter has no name');
    if (params.has(name)) throw new FormParamsError(`parameter "${name}" appears more than once; channels send each parameter once`);
    params.set(name, value);
  }
  // fromEntries defines own properties, so a "__proto__" parameter stays data.
  return Object.fromEntries(params);
}
