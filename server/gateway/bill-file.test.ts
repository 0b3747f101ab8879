import { describe, expect, it } from 'vitest';
import { dispositionFileName } from './bill-file';

describe('dispositionFileName', () => {
  it('reads quoted, bare and RFC 5987 file names', () => {
    expect(dispositionFileName('attachment; filename="2088102177846880_20261206.csv.zip"')).toBe('2088102177846880_20261206.csv.zip');
    expect(dispositionFileName('attachment; filename=bill.csv.gz')).toBe('bill.csv.gz');
    expect(dispositionFileName("attachment; filename*=UTF-8''%E4%B8%9A%E5%8A%A1%E6%98%8E%E7%BB%86.zip")).toBe('业务明细.zip');
  });

  it('is null without a name', () => {
    expect(dispositionFileName(null)).toBeNull();
    expect(dispositionFileName('attachment')).toBeNull();
  });
});
