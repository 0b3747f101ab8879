// WeChat Pay declares `hash_value`, the SHA1 of the bill as generated: of the unpacked text when the
// file is requested with tar_type=GZIP ("原始账单（gzip需要解压缩）的摘要值"; wechatpay-java's
// BillDownloadServiceExtension digests the GZIPInputStream). The raw gzip bytes pass through unchanged
// while a gunzip beside them feeds the digest; the stream ends only once the digest matches.
import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { createGunzip, type Gunzip } from 'node:zlib';
import { ChannelError } from '@/server/gateway/channel-error';

function refused(channelCode: 'BILL_HASH_MISMATCH' | 'BILL_CORRUPT', channelMessage: string, cause?: unknown): ChannelError {
  // The channel served what it should not: asking again for the same file will not help.
  return new ChannelError({ channelCode, channelMessage, retryable: false, cause });
}

/** Passes gzip bytes through unchanged; fails at the end unless their gunzipped SHA1 is `expected`. */
export class GunzippedSha1Check extends Transform {
  private readonly gunzip: Gunzip = createGunzip();
  private readonly digest = createHash('sha1');
  private failure: unknown = null;

  constructor(private readonly expected: string) {
    super();
    this.gunzip.on('data', (chunk: Buffer) => this.digest.update(chunk));
    this.gunzip.on('error', (error) => (this.failure ??= error));
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.failure === null) this.gunzip.write(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    const finish = () => {
      if (this.failure !== null) {
        const message = this.failure instanceof Error ? this.failure.message : String(this.failure);
        return callback(refused('BILL_CORRUPT', `The bill is not a complete gzip file (${message})`, this.failure));
      }
      const actual = this.digest.digest('hex');
      if (actual !== this.expected.toLowerCase()) {
        return callback(refused('BILL_HASH_MISMATCH', `The bill's SHA1 is ${actual}, WeChat Pay declared hash_value ${this.expected}`));
      }
      callback();
    };
    if (this.failure !== null) return finish();
    this.gunzip.once('end', finish);
    this.gunzip.once('error', finish);
    this.gunzip.end();
  }
}
