import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The content of the QR code the checkout shows, decoded from the pixels a payer's camera would see. */
export async function decodeCheckoutQr(page: Page): Promise<string> {
  // A clip of the page rather than an element screenshot: the element may be re-rendered meanwhile.
  const box = await page.getByTestId('checkout-qr').boundingBox();
  expect(box, 'the QR code is on the page').not.toBeNull();
  const png = PNG.sync.read(await page.screenshot({ clip: box! }));
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(code, 'the QR code on the page decodes').not.toBeNull();
  return code!.data;
}
