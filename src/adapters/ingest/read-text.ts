import { readFile } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { ImportError } from './import-error.ts';

export type TextEncoding = 'utf-8' | 'gbk';

/** A file read whole (so a read error cannot strike half-way) and decoded piece by piece. */
export interface TextSource {
  encoding: TextEncoding;
  bytes: number;
  /** Decoded text in pieces of about `size` bytes; `done` is how many bytes are decoded so far. */
  pieces(size?: number): Generator<{ text: string; done: number }>;
}

/**
 * Reads a file and decides its encoding from its content: valid UTF-8 (with or
 * without a BOM) is UTF-8, anything else is GBK, as Tmall/Taobao reports come.
 */
export async function readText(path: string): Promise<TextSource> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (err as Error).message;
    throw new ImportError(`cannot read ${path}: ${why}`);
  }
  const encoding: TextEncoding = isUtf8(buf) ? 'utf-8' : 'gbk';
  return {
    encoding,
    bytes: buf.length,
    *pieces(size = 256 << 10) {
      if (encoding === 'gbk') {
        const decoder = iconv.getDecoder('gbk');
        for (let at = 0; at < buf.length; at += size) yield { text: decoder.write(buf.subarray(at, Math.min(buf.length, at + size))), done: Math.min(buf.length, at + size) };
        const rest = decoder.end();
        if (rest) yield { text: rest, done: buf.length };
        return;
      }
      let at = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0; // BOM
      while (at < buf.length) {
        let end = Math.min(buf.length, at + size);
        // Never split a multi-byte character: back off over continuation bytes (10xxxxxx) to its first byte.
        if (end < buf.length) while (end > at && (buf[end] & 0xc0) === 0x80) end--;
        if (end === at) do end++; while (end < buf.length && (buf[end] & 0xc0) === 0x80); // a piece smaller than one character
        yield { text: buf.toString('utf8', at, end), done: end };
        at = end;
      }
    },
  };
}
