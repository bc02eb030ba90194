import assert from 'node:assert/strict';
import { scanText } from '../../server/src/core/language/tokens';

/** Each token as `Type@offset"image"`, comments after a `|`. */
function scan(text: string): string {
  const { tokens, comments } = scanText(text);
  const show = (t: { tokenType: { name: string }; startOffset: number; image: string }) => `${t.tokenType.name}@${t.startOffset}${JSON.stringify(t.image)}`;
  return [...tokens.map(show), '|', ...comments.map(show)].join(' ');
}

describe('line scanner', () => {
  it('makes a column-0 key and the rest of its line', () => {
    assert.equal(scan('postmortem: Cache outage\n'), 'TopKey@0"postmortem:" Text@11" Cache outage" |');
    assert.equal(scan('incident:'), 'TopKey@0"incident:" |');
  });

  it('makes an indented line an indent, then a key or a bullet, then text', () => {
    assert.equal(scan('  owner: @cache\n'), 'Indent@0"  " Key@2"owner:" Text@8" @cache" |');
    assert.equal(scan('    - a bullet'), 'Indent@0"    " Bullet@4"-" Text@5" a bullet" |');
    assert.equal(scan('  -\n'), 'Indent@0"  " Bullet@2"-" |', 'a bullet at the line end');
    assert.equal(scan('  14:35 UTC  warm-up'), 'Indent@0"  " Text@2"14:35 UTC  warm-up" |', 'a time is text');
    assert.equal(scan('  -5 degrees'), 'Indent@0"  " Text@2"-5 degrees" |', 'a dash that is not a bullet');
  });

  it('reads a key only when its colon is followed by a blank or the line end', () => {
    assert.equal(scan('a:b'), 'TopText@0"a:b" |');
    assert.equal(scan('  see https://example.com'), 'Indent@0"  " Text@2"see https://example.com" |');
    assert.equal(scan('  why 1: cold cache'), 'Indent@0"  " Key@2"why 1:" Text@8" cold cache" |', 'a key of two words');
    assert.equal(scan('  one two three four five: x'), 'Indent@0"  " Text@2"one two three four five: x" |', 'at most four words');
  });

  it('skips blank lines and keeps comment lines apart, line break included', () => {
    assert.equal(scan('a: 1\n\n  \t\n# note\n  # indented\nb: 2'), 'TopKey@0"a:" Text@2" 1" TopKey@30"b:" Text@32" 2" | CommentLine@10"# note\\n" CommentLine@17"  # indented\\n"');
  });

  it('ends lines at LF, CRLF and a lone CR alike, and not at other separators', () => {
    assert.equal(scan('a: 1\r\n  b: 2\rc: 3'), 'TopKey@0"a:" Text@2" 1" Indent@6"  " Key@8"b:" Text@10" 2" TopKey@13"c:" Text@15" 3" |');
    assert.equal(scan('a: 1\u2028b: 2'), 'TopKey@0"a:" Text@2" 1\u2028b: 2" |');
  });

  it('makes indentation of tabs and spaces one token, as written', () => {
    assert.equal(scan('\t  key: v'), 'Indent@0"\\t  " Key@3"key:" Text@7" v" |');
  });

  it('covers every character that is not a line break, a blank line or a comment', () => {
    const text = 'postmortem: x\n  - y\nstray line\n    text: here\n# c\n';
    const { tokens, comments } = scanText(text);
    const covered = new Set<number>();
    for (const t of [...tokens, ...comments]) for (let i = 0; i < t.image.length; i++) covered.add(t.startOffset + i);
    for (let i = 0; i < text.length; i++) if (text[i] !== '\n') assert.ok(covered.has(i), `offset ${i} (${JSON.stringify(text[i])})`);
  });
});
