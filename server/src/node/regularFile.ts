import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Why a file was not read: its path's problem in words, and the system's code when there was one. */
export class UnreadableFile extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** `.postmortemrc.json` files are a few hundred bytes; anything near this size is not one. */
export const MAX_CONFIG_BYTES = 256 * 1024;

/**
 * Documents above this size are not read by the command line: 32 megabytes, thirty times the
 * largest real postmortems (10,000 timeline events, about one megabyte), and small enough that
 * a file planted in a repository cannot exhaust the memory of a CI job.
 */
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;

const NOT_REGULAR: [check: (s: import('node:fs').Stats) => boolean, what: string][] = [
  [(s) => s.isDirectory(), 'a folder'],
  [(s) => s.isFIFO(), 'a named pipe'],
  [(s) => s.isCharacterDevice(), 'a device'],
  [(s) => s.isBlockDevice(), 'a device'],
  [(s) => s.isSocket(), 'a socket'],
];

/**
 * Reads a regular file of at most `maxBytes`, for anything a repository can hold. The open never
 * blocks (a named pipe without a writer would wait for ever), the file's type is checked on the
 * open descriptor (so a link swapped in after a check is caught), and at most `maxBytes + 1` bytes
 * are read, so `/dev/zero` or a file growing while read cannot exhaust memory. Throws
 * `UnreadableFile`.
 */
export function readRegularFile(path: string, maxBytes: number): Buffer {
  let descriptor: number;
  try {
    descriptor = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnreadableFile(`cannot be read (${code ?? String(error)})`, code);
  }
  try {
    const stats = fstatSync(descriptor);
    const other = NOT_REGULAR.find(([check]) => check(stats));
    if (other) throw new UnreadableFile(`is ${other[1]}, not a regular file`, other[1] === 'a folder' ? 'EISDIR' : 'ENOTREG');
    if (!stats.isFile()) throw new UnreadableFile('is not a regular file', 'ENOTREG');
    if (stats.size > maxBytes) throw new UnreadableFile(`is ${describeSize(stats.size)}, larger than the ${describeSize(maxBytes)} read at most`, 'EFBIG');
    // The size the file says is a first guess (a file may grow while read; a /proc file says 0):
    // a buffer of that size plus a byte takes the usual file whole, and grows only past that.
    let buffer = Buffer.allocUnsafe(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const read = readSync(descriptor, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > maxBytes) throw new UnreadableFile(`is larger than the ${describeSize(maxBytes)} read at most`, 'EFBIG');
    }
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof UnreadableFile) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnreadableFile(`cannot be read (${code ?? String(error)})`, code);
  } finally {
    closeSync(descriptor);
  }
}

function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
