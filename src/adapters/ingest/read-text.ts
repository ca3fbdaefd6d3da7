import { closeSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { ImportError } from './import-error.ts';

export type TextEncoding = 'utf-8' | 'gbk';

/** A file checked whole (readable, encoding decided) and then decoded piece by piece. */
export interface TextSource {
  encoding: TextEncoding;
  bytes: number;
  /** Decoded text in pieces of about `size` bytes; `done` is how many bytes are decoded so far. */
  pieces(size?: number): Generator<{ text: string; done: number }>;
}

const CHECK_CHUNK = 1 << 20;

/**
 * Reads a file through once, so a read error strikes before anything is imported,
 * and decides its encoding from its content: valid UTF-8 (with or without a BOM)
 * is UTF-8, anything else is GBK, as Tmall/Taobao reports come. The file is not
 * kept in memory: a 150 MB export would otherwise sit there for the whole import
 * (pieces() reads it again, a piece at a time).
 */
export async function readText(path: string): Promise<TextSource> {
  let bytes = 0;
  let utf8 = true;
  try {
    const handle = await open(path, 'r');
    try {
      // Chunks are checked cut after an ASCII byte, which never sits inside a
      // multi-byte character, so each is valid exactly when the whole file is.
      let buf = Buffer.allocUnsafe(CHECK_CHUNK);
      let carry = 0;
      for (;;) {
        if (carry === buf.length) buf = Buffer.concat([buf, Buffer.allocUnsafe(buf.length)]); // no ASCII byte in a whole chunk
        const { bytesRead } = await handle.read(buf, carry, buf.length - carry, bytes);
        bytes += bytesRead;
        const n = carry + bytesRead;
        if (bytesRead === 0) {
          if (utf8 && n > 0 && !isUtf8(buf.subarray(0, n))) utf8 = false;
          break;
        }
        let cut = n;
        while (cut > 0 && buf[cut - 1] >= 0x80) cut--;
        if (utf8 && cut > 0 && !isUtf8(buf.subarray(0, cut))) utf8 = false;
        buf.copy(buf, 0, cut, n);
        carry = n - cut;
      }
    } finally {
      await handle.close();
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (err as Error).message;
    throw new ImportError(`cannot read ${path}: ${why}`);
  }
  const encoding: TextEncoding = utf8 ? 'utf-8' : 'gbk';
  const total = bytes;
  return {
    encoding,
    bytes: total,
    *pieces(size = 256 << 10) {
      const fd = openSync(path, 'r');
      try {
        // Read `want` bytes at `pos` (fewer only at the end of the file).
        const readAt = (into: Buffer, want: number, pos: number) => {
          let got = 0;
          while (got < want) {
            const n = readSync(fd, into, got, want - got, pos + got);
            if (n === 0) break;
            got += n;
          }
          return got;
        };
        if (encoding === 'gbk') {
          const decoder = iconv.getDecoder('gbk');
          for (let at = 0; at < total; at += size) {
            const chunk = Buffer.allocUnsafe(Math.min(size, total - at));
            const got = readAt(chunk, chunk.length, at);
            yield { text: decoder.write(chunk.subarray(0, got)), done: at + got };
            if (got < chunk.length) break;
          }
          const rest = decoder.end();
          if (rest) yield { text: rest, done: total };
          return;
        }
        // One byte more than a piece, to see whether the piece ends inside a character; 4 more for the smallest pieces.
        const buf = Buffer.allocUnsafe(size + 4);
        const head = readAt(buf, 3, 0);
        let at = head === 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0; // BOM
        while (at < total) {
          const got = readAt(buf, Math.min(size + 4, total - at), at);
          if (got === 0) break;
          let end = Math.min(got, size);
          // Never split a multi-byte character: back off over continuation bytes (10xxxxxx) to its first byte.
          if (end < got) while (end > 0 && (buf[end] & 0xc0) === 0x80) end--;
          if (end === 0) do end++; while (end < got && (buf[end] & 0xc0) === 0x80); // a piece smaller than one character
          yield { text: buf.toString('utf8', 0, end), done: at + end };
          at += end;
        }
      } finally {
        closeSync(fd);
      }
    },
  };
}
