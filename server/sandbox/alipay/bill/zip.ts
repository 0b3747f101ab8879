// A minimal zip writer (deflate, no zip64) for the bill download: Node has deflate but no zip container.
// File names are written as given bytes without the UTF-8 flag, as Alipay's GBK-named bill archives are.
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: Buffer;
  data: Buffer;
  modified: Date;
}

function dosDateTime(date: Date): { time: number; day: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    day: ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

export function zip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const compressed = deflateRawSync(entry.data);
    const { time, day } = dosDateTime(entry.modified);
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0); // version needed
    common.writeUInt16LE(0, 2); // flags
    common.writeUInt16LE(8, 4); // deflate
    common.writeUInt16LE(time, 6);
    common.writeUInt16LE(day, 8);
    common.writeUInt32LE(crc32(entry.data), 10);
    common.writeUInt32LE(compressed.length, 14);
    common.writeUInt32LE(entry.data.length, 18);
    common.writeUInt16LE(entry.name.length, 22);
    common.writeUInt16LE(0, 24); // extra length
    const local = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), common, entry.name, compressed]);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    common.copy(central, 6);
    // comment length, disk, internal and external attributes stay 0
    central.writeUInt32LE(offset, 42);
    centrals.push(Buffer.concat([central, entry.name]));
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
