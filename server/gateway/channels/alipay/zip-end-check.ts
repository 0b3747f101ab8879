// Alipay declares no hash for its bill ZIP. A ZIP ends with its central directory's end record (signature
// PK\x05\x06, at most 22 + 65535 comment bytes from the end): a file cut short lacks it. The bytes pass
// through unchanged; the stream fails at its end when the record is missing.
import { Transform, type TransformCallback } from 'node:stream';
import { ChannelError } from '@/server/gateway/channel-error';

const END_RECORD = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const END_RECORD_MAX = 22 + 0xffff;

export class ZipEndCheck extends Transform {
  private tail = Buffer.alloc(0);

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const joined = Buffer.concat([this.tail, chunk]);
    this.tail = joined.subarray(Math.max(0, joined.length - END_RECORD_MAX));
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    const at = this.tail.lastIndexOf(END_RECORD);
    // The record is 22 bytes plus its comment, which runs to the end of the file.
    if (at >= 0 && at + 22 + this.tail.readUInt16LE(Math.min(at + 20, this.tail.length - 2)) === this.tail.length) return callback();
    callback(new ChannelError({ channelCode: 'BILL_CORRUPT', channelMessage: 'The bill is not a complete ZIP file (no end of central directory)', retryable: false }));
  }
}
