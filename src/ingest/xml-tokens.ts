// A small, forgiving XML tokenizer for feeds. It jumps from "<" to "<" with indexOf (native, fast),
// so a CDATA section or a long text run is copied once, not walked character by character. It never
// throws: a tag cut off by the end of the input still opens, a stray "<" is text, a missing "]]>" or
// "-->" runs to the end. A DOCTYPE (with its internal subset) is skipped: its entities are never
// defined, let alone expanded. Only XML's own entities and character references are decoded in text
// and attribute values; anything else ("&nbsp;") is left for the HTML reader.

export interface XmlTokenHandler {
  open(name: string, attrs: Record<string, string> | undefined, selfClosing: boolean): void;
  close(name: string): void;
  /** Text, decoded; `cdata` text is verbatim. */
  text(value: string, cdata: boolean): void;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ENTITY = /&(?:#(\d{1,8})|#x([0-9a-f]{1,8})|(amp|lt|gt|quot|apos));/gi;

function codePoint(code: number): string {
  // NUL, surrogates and values past Unicode are not characters: U+FFFD, as XML readers show them.
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(code);
}

export function decodeXmlEntities(value: string): string {
  if (value.indexOf('&') === -1) return value;
  return value.replace(ENTITY, (_, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (decimal !== undefined) return codePoint(Number(decimal));
    if (hex !== undefined) return codePoint(Number.parseInt(hex, 16));
    return NAMED[name!.toLowerCase()]!;
  });
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13;
}

/** Where a name (tag or attribute) ends: white space, "/", ">", "=", or the end. */
function nameEnd(xml: string, from: number): number {
  let index = from;
  while (index < xml.length) {
    const code = xml.charCodeAt(index);
    if (isSpace(code) || code === 47 || code === 62 || code === 61) break;
    index++;
  }
  return index;
}

/** Skips a declaration ("<!DOCTYPE …>", with an internal subset in brackets); returns the index after it. */
function skipDeclaration(xml: string, from: number): number {
  const close = xml.indexOf('>', from);
  const bracket = xml.indexOf('[', from);
  if (bracket !== -1 && (close === -1 || bracket < close)) {
    const end = xml.indexOf(']', bracket);
    if (end === -1) return xml.length;
    const after = xml.indexOf('>', end);
    return after === -1 ? xml.length : after + 1;
  }
  return close === -1 ? xml.length : close + 1;
}

export function tokenizeXml(xml: string, handler: XmlTokenHandler): void {
  const length = xml.length;
  let index = 0;
  while (index < length) {
    const lt = xml.indexOf('<', index);
    if (lt === -1) {
      handler.text(decodeXmlEntities(xml.slice(index)), false);
      return;
    }
    if (lt > index) handler.text(decodeXmlEntities(xml.slice(index, lt)), false);
    const next = xml.charCodeAt(lt + 1);
    if (next === 33) {
      // "<!": CDATA, a comment, or a declaration.
      if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        handler.text(xml.slice(lt + 9, end === -1 ? length : end), true);
        index = end === -1 ? length : end + 3;
      } else if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        index = end === -1 ? length : end + 3;
      } else {
        index = skipDeclaration(xml, lt + 2);
      }
      continue;
    }
    if (next === 63) {
      // "<?": a processing instruction (the XML declaration among them).
      const end = xml.indexOf('?>', lt + 2);
      index = end === -1 ? length : end + 2;
      continue;
    }
    if (next === 47) {
      const end = xml.indexOf('>', lt + 2);
      const name = xml.slice(lt + 2, end === -1 ? length : end).trim();
      if (name !== '') handler.close(name);
      index = end === -1 ? length : end + 1;
      continue;
    }
    const stop = nameEnd(xml, lt + 1);
    if (stop === lt + 1) {
      // "<" followed by no name ("a < b"): a bare character, as a forgiving reader takes it.
      handler.text('<', false);
      index = lt + 1;
      continue;
    }
    const name = xml.slice(lt + 1, stop);
    let attrs: Record<string, string> | undefined;
    let cursor = stop;
    let selfClosing = false;
    while (cursor < length) {
      const code = xml.charCodeAt(cursor);
      if (isSpace(code)) {
        cursor++;
        continue;
      }
      if (code === 62) {
        cursor++;
        break;
      }
      if (code === 47) {
        if (xml.charCodeAt(cursor + 1) === 62) {
          selfClosing = true;
          cursor += 2;
          break;
        }
        cursor++;
        continue;
      }
      const keyEnd = nameEnd(xml, cursor);
      const key = xml.slice(cursor, Math.max(keyEnd, cursor + 1));
      cursor = Math.max(keyEnd, cursor + 1);
      while (cursor < length && isSpace(xml.charCodeAt(cursor))) cursor++;
      let value = '';
      if (xml.charCodeAt(cursor) === 61) {
        cursor++;
        while (cursor < length && isSpace(xml.charCodeAt(cursor))) cursor++;
        const quote = xml.charCodeAt(cursor);
        if (quote === 34 || quote === 39) {
          const end = xml.indexOf(quote === 34 ? '"' : "'", cursor + 1);
          value = xml.slice(cursor + 1, end === -1 ? length : end);
          cursor = end === -1 ? length : end + 1;
        } else {
          let end = cursor;
          while (end < length && !isSpace(xml.charCodeAt(end)) && xml.charCodeAt(end) !== 62) end++;
          value = xml.slice(cursor, end);
          cursor = end;
        }
      }
      (attrs ??= {})[key] = decodeXmlEntities(value);
    }
    handler.open(name, attrs, selfClosing);
    if (selfClosing) handler.close(name);
    index = cursor;
  }
}
