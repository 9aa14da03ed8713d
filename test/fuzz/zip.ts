/**
 * Just enough of the ZIP format for the fuzzer: find the records of a DOCX (so their fields can be damaged in
 * place) and write entries back as a fresh, deterministic archive (fixed dates, so a seed gives the same bytes).
 */
import zlib from 'node:zlib';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

export interface ZipRecord {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the central directory record. */
  central: number;
  /** Offset of the local header. */
  local: number;
  /** Offset of the entry's data. */
  data: number;
}

export interface ZipLayout {
  records: ZipRecord[];
  /** Offset of the central directory and of the end record. */
  cdOffset: number;
  endOffset: number;
}

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

/** The records of a well-formed archive, or null when it is not one (a fuzzed or encrypted file). */
export function readZip(bytes: Uint8Array): ZipLayout | null {
  const v = view(bytes);
  let end = -1;
  for (let p = bytes.length - 22; p >= Math.max(0, bytes.length - 22 - 65535); p--) {
    if (v.getUint32(p, true) === END) {
      end = p;
      break;
    }
  }
  if (end < 0) return null;
  const count = v.getUint16(end + 10, true);
  const cdOffset = v.getUint32(end + 16, true);
  const records: ZipRecord[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || v.getUint32(p, true) !== CENTRAL) return null;
    const nameLen = v.getUint16(p + 28, true);
    const local = v.getUint32(p + 42, true);
    if (local + 30 > bytes.length || v.getUint32(local, true) !== LOCAL) return null;
    records.push({
      name: Buffer.from(bytes.subarray(p + 46, p + 46 + nameLen)).toString('utf8'),
      method: v.getUint16(p + 10, true),
      crc: v.getUint32(p + 16, true),
      compressedSize: v.getUint32(p + 20, true),
      size: v.getUint32(p + 24, true),
      central: p,
      local,
      data: local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true),
    });
    p += 46 + nameLen + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return { records, cdOffset, endOffset: end };
}

export interface ZipEntry {
  name: string;
  /** The bytes as stored (compressed when method is 8). */
  stored: Uint8Array;
  method: number;
  crc: number;
  size: number;
}

/** The entries of an archive with their stored bytes; null when it cannot be read. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const layout = readZip(bytes);
  if (!layout) return null;
  const out: ZipEntry[] = [];
  for (const r of layout.records) {
    if (r.data + r.compressedSize > bytes.length) return null;
    out.push({ name: r.name, stored: bytes.subarray(r.data, r.data + r.compressedSize), method: r.method, crc: r.crc, size: r.size });
  }
  return out;
}

/** The uncompressed content of an entry (stored or deflated), or null. */
export function inflate(e: ZipEntry): Uint8Array | null {
  try {
    if (e.method === 0) return e.stored;
    if (e.method === 8) return zlib.inflateRawSync(e.stored);
  } catch {
    return null;
  }
  return null;
}

/** An entry holding `content`, deflated. */
export function deflated(name: string, content: Uint8Array): ZipEntry {
  return { name, stored: zlib.deflateRawSync(content, { level: 6 }), method: 8, crc: zlib.crc32(content), size: content.length };
}

/** A fresh archive of these entries, in this order (duplicates and odd methods are written as given). */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const head = Buffer.alloc(30);
    head.writeUInt32LE(LOCAL, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6);
    head.writeUInt16LE(e.method, 8);
    head.writeUInt16LE(0, 10);
    head.writeUInt16LE(0x21, 12); // 1980-01-01
    head.writeUInt32LE(e.crc >>> 0, 14);
    head.writeUInt32LE(e.stored.length, 18);
    head.writeUInt32LE(e.size >>> 0, 22);
    head.writeUInt16LE(name.length, 26);
    head.writeUInt16LE(0, 28);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(CENTRAL, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    head.copy(cd, 8, 6, 28); // flags .. name length
    cd.writeUInt32LE(offset, 42);
    parts.push(head, name, Buffer.from(e.stored));
    central.push(cd, name);
    offset += 30 + name.length + e.stored.length;
  }
  const cdBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, cdBytes, end]));
}
