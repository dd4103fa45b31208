import { TextDecoder } from 'node:util';
import iconv from 'iconv-lite';

// Turning response bytes into text, in the order RFC 7303 (XML media types) and the WHATWG encoding
// sniffing rules agree on: a byte-order mark wins, then the Content-Type charset, then the document's
// own declaration (<?xml encoding?> or <meta charset>), then UTF-8.
//
// Two gaps of Node 20 are filled with iconv-lite: its TextDecoder (small-ICU builds) turns bytes
// 0x80–0x9F of windows-1252 into invisible C1 controls instead of “ ” – — €, and it has no UTF-32.
// As in browsers, "iso-8859-1", "latin1" and "us-ascii" are read as windows-1252, which is what
// servers that send those labels almost always mean.

const BOMS: { bytes: number[]; label: string }[] = [
  // UTF-32 first: its little-endian mark starts with UTF-16's.
  { bytes: [0x00, 0x00, 0xfe, 0xff], label: 'utf-32be' },
  { bytes: [0xff, 0xfe, 0x00, 0x00], label: 'utf-32le' },
  { bytes: [0xef, 0xbb, 0xbf], label: 'utf-8' },
  { bytes: [0xfe, 0xff], label: 'utf-16be' },
  { bytes: [0xff, 0xfe], label: 'utf-16le' },
];

/** "<?" (or "<" and a name) in UTF-16 / UTF-32 without a byte-order mark, as XML 1.0 appendix F lists them. */
const XML_STARTS: { bytes: number[]; label: string }[] = [
  { bytes: [0x00, 0x00, 0x00, 0x3c], label: 'utf-32be' },
  { bytes: [0x3c, 0x00, 0x00, 0x00], label: 'utf-32le' },
  { bytes: [0x00, 0x3c, 0x00, 0x3f], label: 'utf-16be' },
  { bytes: [0x3c, 0x00, 0x3f, 0x00], label: 'utf-16le' },
];

const WINDOWS_1252 = new Set([
  'windows-1252',
  'cp1252',
  'x-cp1252',
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'latin1',
  'l1',
  'us-ascii',
  'ascii',
  'iso-ir-100',
  'ibm819',
  'cp819',
]);

/** The charset parameter of a Content-Type header, if any. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase();
}

/** A charset declared inside the document: <?xml encoding?>, <meta charset> or <meta http-equiv content>. */
export function charsetFromDocument(head: string): string | undefined {
  const xml = /^\s*<\?xml[^>]*\sencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml?.[1]) return xml[1].trim().toLowerCase();
  const meta = /<meta\s[^>]*charset\s*=\s*["']?\s*([a-z0-9_:.+-]+)/i.exec(head);
  return meta?.[1]?.toLowerCase();
}

function family(label: string): 'utf-16' | 'utf-32' | undefined {
  if (/^(?:utf-?16|ucs-?2|unicode)/.test(label)) return 'utf-16';
  if (/^(?:utf-?32|ucs-?4)/.test(label)) return 'utf-32';
  return undefined;
}

/** A decoder for a label, or undefined when neither TextDecoder nor iconv-lite knows it. */
function decoderFor(label: string | undefined): ((bytes: Uint8Array) => string) | undefined {
  if (!label) return undefined;
  const name = label.trim().toLowerCase();
  if (WINDOWS_1252.has(name)) return (bytes) => iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252');
  if (name === 'utf-8' || name === 'utf8') return (bytes) => new TextDecoder('utf-8').decode(bytes);
  if (iconv.encodingExists(name)) return (bytes) => iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), name);
  try {
    const decoder = new TextDecoder(name);
    return (bytes) => decoder.decode(bytes);
  } catch {
    return undefined; // an unknown label: fall through to the next source
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * UTF-16 or UTF-32 without a byte-order mark, told by the shape of "<?xml": its declaration (read in
 * that encoding) may name the byte order; the family itself cannot be wrong, whatever a header says.
 */
function sniffWide(bytes: Uint8Array): string | undefined {
  const start = XML_STARTS.find((entry) => startsWith(bytes, entry.bytes));
  if (!start) return undefined;
  const head = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)), start.label);
  const declared = charsetFromDocument(head);
  if (declared && family(declared) === family(start.label) && iconv.encodingExists(declared) && /(?:be|le)$/.test(declared)) return declared;
  return start.label;
}

/** Decodes a response body with the charset from the BOM, the header, the document itself, or UTF-8. */
export function decodeBody(bytes: Uint8Array, contentType?: string): string {
  for (const bom of BOMS) {
    if (startsWith(bytes, bom.bytes)) return decoderFor(bom.label)!(bytes.subarray(bom.bytes.length));
  }
  const wide = sniffWide(bytes);
  if (wide) return decoderFor(wide)!(bytes);
  const header = charsetFromContentType(contentType);
  // A header that names UTF-16/32 for a body that is not laid out that way is wrong: skip it.
  const fromHeader = header && !family(header) ? decoderFor(header) : undefined;
  if (fromHeader) return fromHeader(bytes);
  // Declarations are ASCII, so reading the first KB as latin1 is enough to find them.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  const declared = charsetFromDocument(head);
  // A UTF-16 declaration inside a document that is not UTF-16 (sniffed above) is a lie the document could not have read itself.
  const fromDocument = declared && !family(declared) ? decoderFor(declared) : undefined;
  return (fromDocument ?? decoderFor('utf-8')!)(bytes);
}
