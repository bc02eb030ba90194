import { chownSync, closeSync, fchmodSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces a file's content so that a reader sees either the old or the new text, never half:
 * the text goes to a temporary file in the same folder, which is then renamed over the file.
 * The file keeps its permissions (and its owner, where allowed); a symbolic link stays a link.
 */
export function writeFileAtomically(path: string, content: string): void {
  const target = realpathSync(path);
  const stats = statSync(target);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let descriptor: number | undefined;
  try {
    descriptor = openSync(temporary, 'wx', stats.mode & 0o7777);
    // openSync's mode passes through the umask; the file's own mode is what must be kept.
    fchmodSync(descriptor, stats.mode & 0o7777);
    writeSync(descriptor, content, null, 'utf8');
    fsyncSync(descriptor);
    closeSync(descriptor);
    descriptor = undefined;
    try {
      chownSync(temporary, stats.uid, stats.gid);
    } catch {
      // Only the owner's privileges allow this; the file then belongs to whoever ran the fix.
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
