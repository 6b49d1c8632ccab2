import { describe, expect, it } from 'vitest';
import { toCsv } from './figure-csv.js';

describe('figure CSV', () => {
  it('writes RFC 4180 with a BOM, quoting only where needed, empty for null', () => {
    expect(toCsv(['name', 'n'], [['制造业', 3], ['a,"b"', null]])).toBe('\uFEFFname,n\r\n制造业,3\r\n"a,""b""",\r\n');
  });
});
