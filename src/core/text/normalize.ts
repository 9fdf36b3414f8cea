/**
 * Vietnamese text: stored NFC, compared folded.
 *
 * Folding drops case and diacritics so that "sung phai" finds "Sùng Phài" and
 * "to dan pho so 5" finds "Tổ dân phố số 5". đ/Đ is a separate letter, not a
 * d with a mark, so NFD does not split it: it is mapped by hand.
 */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every word of the query appears, folded, in the text. */
export function matchesQuery(textValue: string, query: string): boolean {
  const haystack = fold(textValue);
  return fold(query)
    .split(' ')
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
