import { PNG } from 'pngjs';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const IEND = Buffer.from('IEND');

/** The PNG inside an upload body (raw or multipart), decoded; throws when there is none. */
export function pngIn(body: Buffer): PNG {
  const start = body.indexOf(SIGNATURE);
  const end = body.indexOf(IEND, start);
  if (start < 0 || end < 0) throw new Error(`no PNG in ${body.length} bytes`);
  return PNG.sync.read(body.subarray(start, end + 8)); // IEND, then its 4-byte CRC
}
