/**
 * The QR codes of a DOCX, read as a phone would: each picture the document
 * shows, in document order, decoded from its PNG pixels (pngjs, jsqr), with
 * the text of the section (page) it sits in.
 */
import JSZip from 'jszip';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

export interface FoundQr {
  /** The decoded text (the verification address). */
  text: string;
  /** The text of the section the picture is in: for a certificate, its page. */
  sectionText: string;
}

export function decodeQrPng(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

const plain = (xml: string) =>
  xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

export async function qrCodesOfDocx(docx: Buffer): Promise<FoundQr[]> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
  const targets = new Map([...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  const found: FoundQr[] = [];
  // Each section ends with its w:sectPr: split there to know which page a picture is on.
  for (const section of xml.split(/<w:sectPr[\s\S]*?<\/w:sectPr>/)) {
    for (const [, id] of section.matchAll(/r:embed="([^"]+)"/g)) {
      const target = targets.get(id!);
      const file = target && zip.file(`word/${target.replace(/^\//, '').replace(/^word\//, '')}`);
      if (!file) throw new Error(`picture ${id} not in the package`);
      const text = decodeQrPng(await file.async('nodebuffer'));
      if (text) found.push({ text, sectionText: plain(section) });
    }
  }
  return found;
}
