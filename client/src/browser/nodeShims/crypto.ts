/**
 * The one `node:crypto` call the extension makes, for the browser build (esbuild.mjs aliases
 * `node:crypto` here): random bytes for the webviews' nonce.
 */

/** Bytes with the one `toString` the callers use. */
class RandomBytes {
  constructor(private readonly bytes: Uint8Array) {}

  toString(encoding: 'base64'): string {
    if (encoding !== 'base64') throw new Error(`randomBytes: only base64 is available in the browser, not ${encoding}`);
    let binary = '';
    for (const byte of this.bytes) binary += String.fromCharCode(byte);
    return btoa(binary);
  }
}

export function randomBytes(size: number): RandomBytes {
  return new RandomBytes(globalThis.crypto.getRandomValues(new Uint8Array(size)));
}
