import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import * as posix from 'node:path/posix';
import * as browserCrypto from '../../client/src/browser/nodeShims/crypto';
import * as browserPath from '../../client/src/browser/nodeShims/path';
import { sha256Base64 } from '../../server/src/core/render/sha256';

describe('the core\'s SHA-256 and the browser build\'s stand-ins for node:crypto and node:path', () => {
  it('hashes like node:crypto (SHA-256, base64), across block boundaries and non-ASCII text', () => {
    for (const text of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'x'.repeat(1000), 'Zeitzone – “UTC” ✓']) {
      assert.equal(sha256Base64(text), createHash('sha256').update(text).digest('base64'), text);
    }
  });

  it('gives random bytes as base64 of the asked length', () => {
    const nonce = browserCrypto.randomBytes(16).toString('base64');
    assert.equal(Buffer.from(nonce, 'base64').length, 16);
    assert.notEqual(nonce, browserCrypto.randomBytes(16).toString('base64'));
  });

  it('joins, resolves and splits paths like node:path/posix', () => {
    const cases = ['/a/b/c.md', '/a/b/../c', 'a/./b/', '/', 'file.postmortem', '/x/.postmortemrc.json'];
    for (const path of cases) {
      assert.equal(browserPath.dirname(path), posix.dirname(path), `dirname ${path}`);
      assert.equal(browserPath.basename(path), posix.basename(path), `basename ${path}`);
      assert.equal(browserPath.extname(path), posix.extname(path), `extname ${path}`);
      assert.equal(browserPath.join('/root', path), posix.join('/root', path), `join ${path}`);
      assert.equal(browserPath.resolve('/root', path), posix.resolve('/root', path), `resolve ${path}`);
    }
  });
});
