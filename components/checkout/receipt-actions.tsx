'use client';

import { focusRing } from '@/components/ui/focus-ring';
import { drawReceipt } from './draw-receipt';

/**
 * Print and "save as image". The image is drawn with the canvas API from the receipt's own rows rather
 * than by a DOM-to-image library: the checkout stays light on phones and within its CSP, and the text is
 * laid out for an image (wrapped to width, large enough to read in a photo album) instead of copied pixels.
 */
export function ReceiptActions({ serialNo, labels }: { serialNo: string; labels: { print: string; saveImage: string } }) {
  function save(button: HTMLButtonElement) {
    const section = button.closest('section');
    if (!section) return;
    drawReceipt({
      title: section.querySelector('[data-receipt-title]')?.textContent ?? '',
      note: section.querySelector('[data-receipt-note]')?.textContent ?? null,
      amount: section.querySelector('[data-receipt-amount]')?.textContent ?? '',
      rows: [...section.querySelectorAll('[data-receipt-row]')].map((row) => [row.querySelector('dt')?.textContent ?? '', row.querySelector('dd')?.textContent ?? ''] as const),
    }).toBlob((blob) => {
      if (!blob) return;
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `receipt-${serialNo}.png`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    }, 'image/png');
  }

  const button = `flex-1 rounded-xl py-2.5 text-sm font-medium ${focusRing}`;
  return (
    <div className="mt-5 flex gap-3 print:hidden">
      <button type="button" onClick={() => window.print()} className={`${button} bg-slate-100 text-slate-800 hover:bg-slate-200`} data-testid="receipt-print">
        {labels.print}
      </button>
      <button type="button" onClick={(event) => save(event.currentTarget)} className={`${button} bg-brand-700 text-white hover:bg-brand-800`} data-testid="receipt-save">
        {labels.saveImage}
      </button>
    </div>
  );
}
