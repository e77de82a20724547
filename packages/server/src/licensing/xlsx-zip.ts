import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';

// An .xlsx file is a zip archive. Before any of it is inflated, its central directory (the list at
// the end of the archive) says what it holds, and the parts a sheet reader needs are streamed to
// exceljs in an order of our choosing, each under a local header written here from that list. So:
// - a file that is not a zip, or a zip that is not a workbook, is refused before parsing;
// - the sizes the archive declares are checked against the limits before anything is inflated;
// - the workbook's relations and shared strings come before its sheets, so exceljs reads each sheet
//   as it streams instead of first inflating it to a temporary file (which a refusal would strand);
// - parts exceljs would skip (images, themes, macros) are never inflated at all.

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
/** A workbook has a few dozen parts; tens of thousands mean a file built to waste time. */
const MAX_ENTRIES = 10_000;
const DEFLATE = 8;
const STORED = 0;

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export type ZipDirectory = { kind: 'zip'; entries: ZipEntry[] } | { kind: 'not-zip' } | { kind: 'unsupported'; reason: string };

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** The archive's central directory, or why it cannot be read as one. */
export async function readZipDirectory(file: FileHandle, size: number): Promise<ZipDirectory> {
  if (size < EOCD_SIZE) return { kind: 'not-zip' };
  const tailStart = Math.max(0, size - EOCD_SIZE - MAX_COMMENT);
  const tail = await readAt(file, tailStart, size - tailStart);
  let eocd = -1;
  for (let at = tail.length - EOCD_SIZE; at >= 0; at--) {
    if (tail.readUInt32LE(at) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return { kind: 'not-zip' };
  const count = tail.readUInt16LE(eocd + 10);
  const directorySize = tail.readUInt32LE(eocd + 12);
  const directoryOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) return { kind: 'unsupported', reason: 'zip64' };
  if (count > MAX_ENTRIES) return { kind: 'unsupported', reason: 'entries' };
  if (directoryOffset + directorySize > size) return { kind: 'not-zip' };
  const directory = await readAt(file, directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let index = 0; index < count; index++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) return { kind: 'not-zip' };
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    entries.push({
      flags: directory.readUInt16LE(at + 8),
      method: directory.readUInt16LE(at + 10),
      crc: directory.readUInt32LE(at + 16),
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { kind: 'zip', entries };
}

const WORKBOOK_PARTS = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml'];
const SHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/** The parts a sheet reader needs, in reading order: relations, workbook, shared strings, then sheets by number. */
export function workbookParts(entries: readonly ZipEntry[]): ZipEntry[] | undefined {
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const [relations, workbook, sharedStrings] = WORKBOOK_PARTS.map((name) => byName.get(name));
  if (!relations || !workbook) return undefined;
  const sheets = entries
    .filter((entry) => SHEET_PART.test(entry.name))
    .sort((a, b) => Number(SHEET_PART.exec(a.name)?.[1]) - Number(SHEET_PART.exec(b.name)?.[1]));
  return [relations, workbook, sharedStrings ?? emptySharedStrings(), ...sheets];
}

const EMPTY_SHARED_STRINGS = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
);
/** Marks the stand-in for a workbook without shared strings (every text inline): its bytes are ours. */
const SYNTHETIC = -1;

// exceljs reads sheets as they stream only once it has shared strings; a workbook without any gets
// an empty list, so that its sheets stream too.
function emptySharedStrings(): ZipEntry {
  return {
    name: 'xl/sharedStrings.xml',
    flags: 0,
    method: STORED,
    crc: crc32(EMPTY_SHARED_STRINGS),
    compressedSize: EMPTY_SHARED_STRINGS.length,
    uncompressedSize: EMPTY_SHARED_STRINGS.length,
    localHeaderOffset: SYNTHETIC,
  };
}

export function isSupportedMethod(entry: ZipEntry): boolean {
  // Bit 0: encrypted. Excel encrypts a whole workbook another way (not as a zip), so this is a crafted file.
  return (entry.method === DEFLATE || entry.method === STORED) && (entry.flags & 1) === 0;
}

function localHeader(entry: ZipEntry): Buffer {
  const name = Buffer.from(entry.name, 'utf8');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(LOCAL_SIGNATURE, 0);
  header.writeUInt16LE(20, 4);
  // The sizes are known, so no trailing data descriptor (bit 3) for the reader to hunt for; names are UTF-8 (bit 11).
  header.writeUInt16LE(0x0800, 6);
  header.writeUInt16LE(entry.method, 8);
  header.writeUInt32LE(entry.crc, 14);
  header.writeUInt32LE(entry.compressedSize, 18);
  header.writeUInt32LE(entry.uncompressedSize, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name]);
}

const CHUNK = 64 * 1024;

/**
 * A zip stream of `parts` only, each under a fresh local header and its compressed bytes copied
 * from where the central directory says they are, ended by an empty end-of-directory record.
 */
export function partsStream(file: FileHandle, parts: readonly ZipEntry[]): Readable {
  async function* bytes(): AsyncGenerator<Buffer> {
    for (const part of parts) {
      yield localHeader(part);
      if (part.localHeaderOffset === SYNTHETIC) {
        yield EMPTY_SHARED_STRINGS;
        continue;
      }
      const local = await readAt(file, part.localHeaderOffset, 30);
      if (local.length < 30 || local.readUInt32LE(0) !== LOCAL_SIGNATURE) throw new Error(`zip part ${part.name} has no local header`);
      let position = part.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      let left = part.compressedSize;
      while (left > 0) {
        const chunk = await readAt(file, position, Math.min(CHUNK, left));
        if (chunk.length === 0) throw new Error(`zip part ${part.name} is cut short`);
        position += chunk.length;
        left -= chunk.length;
        yield chunk;
      }
    }
    const end = Buffer.alloc(EOCD_SIZE);
    end.writeUInt32LE(EOCD_SIGNATURE, 0);
    yield end;
  }
  return Readable.from(bytes(), { objectMode: false });
}
