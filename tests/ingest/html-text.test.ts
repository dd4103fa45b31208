import { describe, expect, it } from 'vitest';
import { htmlToText, inlineText } from '../../src/ingest/html-text.ts';

// htmlToText streams the markup through htmlparser2 instead of building a DOM; these are the
// shapes of text the engine relies on (its offsets point into this text).

describe('htmlToText', () => {
  it('makes paragraphs of blocks and lines of <br>, with entities decoded and white space folded', () => {
    expect(htmlToText('<p>First  para\n graph &amp; more</p><p>Second<br>line two<br/>  line three</p>')).toBe(
      'First para graph & more\n\nSecond\nline two\nline three',
    );
    expect(htmlToText('<ul><li>one<li>two</ul>after <b>bold</b> <i>text</i>')).toBe('one\n\ntwo\n\nafter bold text');
  });

  it('spaces table cells apart and drops scripts, styles, forms and SVG', () => {
    expect(htmlToText('<table><tr><td>a</td><td>b</td></tr><tr><th>c<td>d</table>')).toBe('a b\n\nc d');
    expect(htmlToText('<script>if (a < b) x = "</p>";</script><style>p{}</style><svg><text>logo</text></svg><form>f</form>Kept')).toBe('Kept');
  });

  it('reads an unclosed or stray tag as a browser would, and nothing after the markup closes its body', () => {
    expect(htmlToText('<p>one<p>two<div>three</div>four')).toBe('one\n\ntwo\n\nthree\n\nfour');
    expect(htmlToText('</div>stray</p>end')).toBe('stray\n\nend');
    expect(htmlToText('kept</body>dropped')).toBe('kept');
  });

  it('leaves text without markup as it is, apart from white space', () => {
    expect(htmlToText('  plain\n\n\n\ntext  ')).toBe('plain\n\ntext');
    expect(inlineText('Tom &amp; Jerry &lt;live&gt;')).toBe('Tom & Jerry <live>');
  });
});
