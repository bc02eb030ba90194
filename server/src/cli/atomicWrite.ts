import { closeSync, fchmodSync, fchownSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A file that must not be replaced: read-only, or changed since it was read. */
export class WriteRefused extends Error {}

/**
 * Replaces a file's content so that a reader sees either the old or the new text, never half:
 * the text goes to a temporary file in the same folder, which is then renamed over the file.
 * The file keeps its permissions, including set-user-ID, set-group-ID and sticky bits (and its
 * owner, where allowed); a symbolic link stays a link. A file without write permission is not
 * replaced (renaming over it would ignore the permission), nor one whose content is no longer
 * `expected` (someone changed it since it was read: their text wins). The comparison is made
 * just before the rename; a write in the instant between the two would still be replaced, which
 * only a lock that editors do not take could prevent.
 */
export function writeFileAtomically(path: string, content: string, expected?: Uint8Array): void {
  const target = realpathSync(path);
  const stats = statSync(target);
  if ((stats.mode & 0o222) === 0) throw new WriteRefused('is read-only; the fixes were not written');
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let descriptor: number | undefined;
  try {
    descriptor = openSync(temporary, 'wx', stats.mode & 0o777);
    writeSync(descriptor, content, null, 'utf8');
    try {
      fchownSync(descriptor, stats.uid, stats.gid);
    } catch {
      // Only the owner's privileges allow this; the file then belongs to whoever ran the fix.
    }
    // After the owner (changing it clears set-ID bits), and because openSync's mode passes
    // through the umask: the file's own mode is what must be kept.
    fchmodSync(descriptor, stats.mode & 0o7777);
    fsyncSync(descriptor);
    closeSync(descriptor);
    descriptor = undefined;
    if (expected && !readFileSync(target).equals(expected)) {
      throw new WriteRefused('changed while it was being checked; the fixes were not written (run again)');
    }
    renameSync(temporary, target);
  } catch (error) {
    if (descriptor !== undefined) closeSync(descriptor);
    try {
      unlinkSync(temporary);
    } catch {
      // nothing was created
    }
    throw error;
  }
}
