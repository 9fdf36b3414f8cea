/**
 * An uploaded criteria-set file read as `kdc criteria validate` and
 * `kdc criteria import` read one: JSON checked by parseCriteriaSet
 * (src/core/criteria/validate.ts), or a workbook filled from the template
 * read by readCriteriaWorkbook (./xlsx.ts), which ends in the same check. A
 * file that is not a usable set is refused with every problem at its place,
 * in Vietnamese — "$.sections[1].criteria[0].code: …", "Trang Tiêu chí,
 * dòng 12, cột Loại: …" — as 400 details, so a form can list them. Nothing
 * is stored.
 */
import type { CriteriaSet } from '../../core/criteria/schema';
import { parseCriteriaSet } from '../../core/criteria/validate';
import { invalid } from '../errors';
import { describeCriteriaProblem, readCriteriaWorkbook } from './xlsx';

/** The first bytes of a ZIP container (XLSX is one). */
const isZip = (bytes: Buffer) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

const refused = (problems: string[]) =>
  invalid(`Tệp bộ tiêu chí không hợp lệ (${problems.length} lỗi); chưa tạo gì. Sửa từng lỗi theo vị trí rồi gửi lại.`, problems);

export async function readCriteriaFile(bytes: Buffer, filename: string): Promise<CriteriaSet> {
  if (isZip(bytes) || /\.xlsx$/i.test(filename)) {
    const read = await readCriteriaWorkbook(bytes, filename);
    if (!read.ok) throw refused(read.problems.map(describeCriteriaProblem));
    return read.set;
  }
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw refused([`Tệp: không phải JSON hợp lệ (${(error as Error).message})`]);
  }
  const parsed = parseCriteriaSet(data);
  if (!parsed.ok) throw refused(parsed.problems.map((p) => `${p.path}: ${p.message}`));
  return parsed.set;
}
