// Exact decimal strings for bill totals and fees: a value is a bigint count of units at a scale, so
// "0.00040" stays five decimals and no float ever touches money. Row amounts become fen through the
// gateway's yuanToFen; this covers what fen cannot hold (fees at 1/100000 yuan, day totals, signs).

export interface Decimal {
  units: bigint;
  scale: number;
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

export const ZERO: Decimal = { units: 0n, scale: 0 };

/** The value of a plain decimal ("12", "-0.27000"), or null for anything else ("1e2", "", "1,000"). */
export function parseDecimal(text: string): Decimal | null {
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const [, minus, whole = '', fraction = ''] = match;
  const units = BigInt(whole + fraction);
  return { units: minus ? -units : units, scale: fraction.length };
}

const POWERS = Array.from({ length: 20 }, (_, exponent) => 10n ** BigInt(exponent));

function rescale(value: Decimal, scale: number): bigint {
  const exponent = scale - value.scale;
  return exponent === 0 ? value.units : value.units * (POWERS[exponent] ?? 10n ** BigInt(exponent));
}

/** The exact sum, at the finer of the two scales. */
export function addDecimal(a: Decimal, b: Decimal): Decimal {
  if (a.scale === b.scale) return { units: a.units + b.units, scale: a.scale };
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
}

export function sameDecimal(a: Decimal, b: Decimal): boolean {
  const scale = Math.max(a.scale, b.scale);
  return rescale(a, scale) === rescale(b, scale);
}

/** Written with `scale` decimals (never fewer than the value needs). */
export function formatDecimal(value: Decimal, scale = value.scale): string {
  const places = Math.max(scale, value.scale);
  const units = rescale(value, places);
  const digits = (units < 0n ? -units : units).toString().padStart(places + 1, '0');
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return units < 0n ? `-${text}` : text;
}
