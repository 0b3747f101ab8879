// Saving a streamed download from the browser with progress: straight to a file the user picks with the
// File System Access API where the browser has it (Chromium; nothing is held in memory), otherwise
// collected into a Blob and handed to the browser's own download.

export interface DownloadProgress {
  /** Line ends received so far (a CSV's header is one of them). */
  lines: number;
  bytes: number;
  /** The rows the server announced (X-Total-Count), when it did. */
  total: number | null;
}

type SaveFilePicker = (options: { suggestedName: string; types: { description: string; accept: Record<string, string[]> }[] }) => Promise<FileSystemFileHandle>;

/** The error the contract answers: `{ error: { code, message } }`. */
export class DownloadError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DownloadError';
  }
}

function savePicker(): SaveFilePicker | undefined {
  return (window as Window & { showSaveFilePicker?: SaveFilePicker }).showSaveFilePicker;
}

/** Counts bytes and line ends as they pass. */
function counter(total: number | null, onProgress: (progress: DownloadProgress) => void): TransformStream<Uint8Array, Uint8Array> {
  const progress: DownloadProgress = { lines: 0, bytes: 0, total };
  return new TransformStream({
    transform(chunk, controller) {
      progress.bytes += chunk.byteLength;
      for (const byte of chunk) if (byte === 0x0a) progress.lines++;
      onProgress({ ...progress });
      controller.enqueue(chunk);
    },
  });
}

function blobDownload(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the Blob to the browser's download by the next task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Fetches `url` and saves its body as `fileName`. Call from a click: the file picker needs the user's
 * gesture, so it opens before the request. Aborting `signal` stops the request and discards the file;
 * a picker the user closes is an abort too (an AbortError, like the signal's).
 */
export async function streamDownload(options: { url: string; fileName: string; signal: AbortSignal; onProgress: (progress: DownloadProgress) => void }): Promise<DownloadProgress> {
  const picker = savePicker();
  const handle = picker ? await picker({ suggestedName: options.fileName, types: [{ description: 'CSV', accept: { 'text/csv': ['.csv'] } }] }) : null;
  const response = await fetch(options.url, { signal: options.signal, credentials: 'same-origin' });
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new DownloadError(body?.error?.code ?? 'INTERNAL_ERROR', body?.error?.message ?? response.statusText);
  }
  const announced = response.headers.get('x-total-count');
  let last: DownloadProgress = { lines: 0, bytes: 0, total: announced === null ? null : Number(announced) };
  const counted = response.body.pipeThrough(
    counter(last.total, (progress) => {
      last = progress;
      options.onProgress(progress);
    }),
  );
  if (handle) {
    await counted.pipeTo(await handle.createWritable(), { signal: options.signal });
  } else {
    const blob = await new Response(counted).blob();
    blobDownload(new Blob([blob], { type: 'text/csv;charset=utf-8' }), options.fileName);
  }
  return last;
}
