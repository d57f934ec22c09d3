import iconv from 'iconv-lite';

/**
 * Turns a feed's bytes into text. Order of trust: a byte-order mark, then the
 * HTTP charset, then the XML declaration; with none of them, UTF-8 when the
 * bytes are valid UTF-8, else windows-1252 (what such feeds nearly always are),
 * reported as a problem so the source shows it.
 */
export function decodeFeedBytes(bytes: Buffer, httpContentType?: string | null): { text: string; encoding: string; problem?: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return checked(bytes.subarray(3), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checked(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return checked(bytes.subarray(2), 'utf-16be');
  const fromHttp = /charset\s*=\s*["']?([\w.:-]+)/i.exec(httpContentType ?? '')?.[1];
  const head = bytes.subarray(0, 1024).toString('latin1');
  const fromXml = /^\s*<\?[a-z]*xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  for (const label of [fromHttp, fromXml]) {
    if (!label) continue;
    const name = label.toLowerCase() === 'gb2312' ? 'gbk' : label.toLowerCase();
    if (iconv.encodingExists(name)) return checked(bytes, name);
  }
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (!utf8.includes('\uFFFD')) return { text: utf8, encoding: 'utf-8' };
  return { text: iconv.decode(bytes, 'windows-1252'), encoding: 'windows-1252', problem: 'the feed does not say its character encoding and is not UTF-8; read as windows-1252' };
}

function checked(bytes: Buffer, encoding: string): { text: string; encoding: string; problem?: string } {
  const text = iconv.decode(bytes, encoding);
  return text.includes('\uFFFD') ? { text, encoding, problem: `some bytes are not valid ${encoding}` } : { text, encoding };
}

const CP1252 = iconv.decode(Buffer.from(Array.from({ length: 32 }, (_, i) => 0x80 + i)), 'windows-1252');

/**
 * Repairs the two commonest text mix-ups in feeds: UTF-8 read as Latin-1 and
 * encoded again ("â€¦" for "…"), and windows-1252 code points written as C1
 * controls (&#146; for ’).
 */
export function repairText(value: string): string {
  let out = value;
  // eslint-disable-next-line no-control-regex
  if (/[\u00c2-\u00f4][\u0080-\u00bf]/.test(out) && !/[^\u0000-\u00ff]/.test(out)) {
    const again = Buffer.from(out, 'latin1').toString('utf8');
    if (!again.includes('\uFFFD')) out = again;
  }
  return out.replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80] ?? c);
}
