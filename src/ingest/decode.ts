import { TextDecoder } from 'node:util';

// Turning response bytes into text. The order follows the WHATWG encoding sniffing rules in short:
// a byte-order mark wins, then the Content-Type charset, then a <meta> / <?xml?> declaration, then UTF-8.

const BOMS: { bytes: number[]; label: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], label: 'utf-8' },
  { bytes: [0xfe, 0xff], label: 'utf-16be' },
  { bytes: [0xff, 0xfe], label: 'utf-16le' },
];

/** The charset parameter of a Content-Type header, if any. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase();
}

/** A charset declared inside the document: <meta charset>, <meta http-equiv content>, or <?xml encoding?>. */
export function charsetFromDocument(head: string): string | undefined {
  const xml = /^\s*<\?xml[^>]*\sencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml?.[1]) return xml[1].toLowerCase();
  const meta = /<meta\s[^>]*charset\s*=\s*["']?\s*([a-z0-9_:.+-]+)/i.exec(head);
  return meta?.[1]?.toLowerCase();
}

function decoderFor(label: string | undefined): TextDecoder | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label);
  } catch {
    return undefined; // an unknown label: fall through to the next source
  }
}

/** Decodes a response body with the charset from the BOM, the header, the document itself, or UTF-8. */
export function decodeBody(bytes: Uint8Array, contentType?: string): string {
  for (const bom of BOMS) {
    if (bom.bytes.every((byte, index) => bytes[index] === byte)) {
      return new TextDecoder(bom.label).decode(bytes.subarray(bom.bytes.length));
    }
  }
  const fromHeader = decoderFor(charsetFromContentType(contentType));
  if (fromHeader) return fromHeader.decode(bytes);
  // Declarations are ASCII, so reading the first KB as latin1 is enough to find them.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  const declared = charsetFromDocument(head);
  // A UTF-16 declaration inside a document without a BOM is a lie the document could not have read itself.
  const fromDocument = declared && !declared.startsWith('utf-16') ? decoderFor(declared) : undefined;
  return (fromDocument ?? new TextDecoder('utf-8')).decode(bytes);
}
