// The receipt as a PNG-ready canvas: 2x pixels of a 360-pixel-wide card, so it is sharp on phones.

export interface ReceiptDrawing {
  title: string;
  note: string | null;
  amount: string;
  rows: ReadonlyArray<readonly [label: string, value: string]>;
}

const WIDTH = 360;
const PAD = 24;
const LINE = 20;
const FONT = '"PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';

/** Splits text into lines no wider than `width`, character by character (Chinese has no spaces to break at). */
function wrap(context: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const char of text) {
    if (line && context.measureText(line + char).width > width) {
      lines.push(line);
      line = '';
    }
    line += char;
  }
  return [...lines, line];
}

export function drawReceipt(receipt: ReceiptDrawing): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d')!;
  const valueWidth = WIDTH - PAD * 2 - 110;
  context.font = `13px ${FONT}`;
  const wrapped = receipt.rows.map(([label, value]) => ({ label, lines: wrap(context, value, valueWidth) }));
  const height = PAD + 28 + (receipt.note ? 20 : 0) + 70 + wrapped.reduce((sum, row) => sum + row.lines.length * LINE + 8, 0) + PAD + 12;

  const scale = 2;
  canvas.width = WIDTH * scale;
  canvas.height = height * scale;
  context.scale(scale, scale);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, WIDTH, height);
  context.textBaseline = 'top';

  let y = PAD;
  context.textAlign = 'center';
  context.fillStyle = '#0f172a';
  context.font = `600 17px ${FONT}`;
  context.fillText(receipt.title, WIDTH / 2, y);
  y += 28;
  if (receipt.note) {
    context.fillStyle = '#b45309';
    context.font = `12px ${FONT}`;
    context.fillText(receipt.note, WIDTH / 2, y);
    y += 20;
  }
  context.fillStyle = '#0f172a';
  context.font = `600 30px ${FONT}`;
  context.fillText(receipt.amount, WIDTH / 2, y + 8);
  y += 58;
  context.strokeStyle = '#cbd5e1';
  context.setLineDash([4, 4]);
  context.beginPath();
  context.moveTo(PAD, y);
  context.lineTo(WIDTH - PAD, y);
  context.stroke();
  y += 12;

  context.font = `13px ${FONT}`;
  for (const row of wrapped) {
    context.textAlign = 'left';
    context.fillStyle = '#64748b';
    context.fillText(row.label, PAD, y);
    context.textAlign = 'right';
    context.fillStyle = '#0f172a';
    for (const line of row.lines) {
      context.fillText(line, WIDTH - PAD, y);
      y += LINE;
    }
    y += 8;
  }
  return canvas;
}
