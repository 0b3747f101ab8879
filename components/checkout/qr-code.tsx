import QRCode from 'qrcode';

/**
 * A QR code drawn on the server as one SVG path (one square per dark module): crisp at any size,
 * no image request and no JavaScript. Level M survives a scuffed phone screen or a printed copy.
 */
export function QrCode({ content, label, className }: { content: string; label: string; className?: string }) {
  const { modules } = QRCode.create(content, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const size = modules.size + quiet * 2;
  let path = '';
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++) {
      if (modules.get(row, column)) path += `M${column + quiet} ${row + quiet}h1v1h-1z`;
    }
  }
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${size} ${size}`} shapeRendering="crispEdges" className={className} data-testid="checkout-qr">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
