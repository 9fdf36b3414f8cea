/**
 * The layout of a criteria workbook — which sheet holds what, each column's
 * Vietnamese header and the words a clerk may type in it — in one place, so
 * the writer, the reader, the instructions and docs/criteria-format.md cannot
 * drift apart. Codes of the format ("pass-fail", "percent") are accepted as
 * well as the Vietnamese words; headers and words are compared without case
 * or diacritics ("dat/khong dat" is "đạt/không đạt").
 */
import { fold } from '../../core/text/normalize';

export const SHEETS = {
  help: 'Hướng dẫn',
  set: 'Bộ tiêu chí',
  sections: 'Tiêu chuẩn',
  criteria: 'Tiêu chí',
  disqualifiers: 'Trường hợp loại trừ',
  levels: 'Danh hiệu',
} as const;

export interface Column {
  key: string;
  header: string;
  /** What goes in the column: shown as the header cell's note and in the instructions. */
  note: string;
  width: number;
  /** Words offered by a drop-down list (data validation). */
  list?: readonly string[];
}

/** Words for the format's enumerations: the first word of each is what the writer puts in a cell. */
export const WORDS = {
  kind: { 'pass-fail': ['đạt/không đạt'], quantity: ['định lượng'], points: ['chấm điểm'], title: ['giữ danh hiệu'], 'title-share': ['tỷ lệ đạt danh hiệu'] },
  measure: { percent: ['tỷ lệ %', '%', 'tỷ lệ'], count: ['số lượng', 'số'] },
  wording: { verbatim: ['nguyên văn'], unverified: ['chưa đối chiếu'] },
  year: { same: ['cùng năm', 'năm đánh giá'], previous: ['năm trước'] },
  shareOf: { area: ['khu dân cư'], street: ['tuyến phố'] },
  as: { points: ['điểm'], percent: ['% điểm tối đa', '%', 'phần trăm'] },
  subject: { area: ['khu dân cư'], commune: ['cấp xã', 'xã, phường, thị trấn', 'xã'], street: ['tuyến phố'] },
  scoring: { 'pass-fail': ['đạt/không đạt'], points: ['chấm điểm'] },
  yesNo: { yes: ['có'], no: ['không'] },
  /** Kinds of unit in "Chỉ áp dụng cho". */
  areaKinds: { thon: ['thôn'], 'to-dan-pho': ['tổ dân phố'], ban: ['bản'] },
  communeKinds: { xa: ['xã'], phuong: ['phường'], 'thi-tran': ['thị trấn'], 'dac-khu': ['đặc khu'] },
} as const satisfies Record<string, Record<string, readonly string[]>>;
export type WordSet = keyof typeof WORDS;

/** The word a writer puts in a cell for a code. */
export function wordFor<S extends WordSet>(set: S, code: keyof (typeof WORDS)[S]): string {
  return ((WORDS[set] as Record<string, readonly string[]>)[code as string] ?? [String(code)])[0]!;
}

/** The code a cell's word stands for, or null. */
export function codeFor(set: WordSet, text: string): string | null {
  const key = fold(text);
  for (const [code, words] of Object.entries(WORDS[set] as Record<string, readonly string[]>)) {
    if (fold(code) === key || words.some((w) => fold(w) === key)) return code;
  }
  return null;
}

/** The words offered for a set, for a drop-down list and for messages. */
export const choices = (set: WordSet): string[] => Object.values(WORDS[set] as Record<string, readonly string[]>).map((w) => w[0]!);

/** The word in "Loại" for a row that words a criterion differently for some kinds of unit (a variant). */
export const VARIANT_WORD = 'lời văn riêng';

const col = (key: string, header: string, note: string, width = 14, list?: readonly string[]): Column => ({ key, header, note, width, list });

/** The set's own fields, one per row of the sheet "Bộ tiêu chí" (label in column A, value in column B). */
export const SET_FIELDS: Column[] = [
  col('code', 'Mã bộ tiêu chí', 'Mã ổn định qua các phiên bản: chữ không dấu, số, dấu chấm, gạch ngang (vd. laichau-tqpttd).'),
  col('name', 'Tên bộ tiêu chí', 'Tên người dùng thấy.'),
  col('version', 'Phiên bản', 'Nhãn phiên bản, vd. 2020 hoặc 292-2021. Bộ đã có kết quả đánh giá thì không sửa, mà ban hành phiên bản mới.'),
  col('documentType', 'Loại văn bản ban hành', 'Quyết định, Đề án, Hướng dẫn, Kế hoạch, Nghị định, Thông tư…'),
  col('number', 'Số, ký hiệu văn bản', 'vd. 292/QĐ-MTTQ-BTT.'),
  col('date', 'Ngày ban hành', 'Ngày/tháng/năm, vd. 24/12/2021.'),
  col('issuer', 'Cơ quan ban hành', 'vd. Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Lâm Đồng.'),
  col('title', 'Trích yếu văn bản', 'Không bắt buộc.'),
  col('validFrom', 'Có hiệu lực từ ngày', 'Ngày/tháng/năm.'),
  col('validTo', 'Hết hiệu lực ngày', 'Để trống nếu chưa có ngày hết hiệu lực.'),
  col(
    'subject',
    'Đối tượng xét',
    'khu dân cư (thôn, tổ dân phố, bản), cấp xã (xã, phường, thị trấn, đặc khu) hoặc tuyến phố. Để trống: khu dân cư.',
    14,
    choices('subject'),
  ),
  col('scoring', 'Cách đánh giá', 'đạt/không đạt (từng tiêu chí) hoặc chấm điểm.', 14, choices('scoring')),
  col(
    'allowNa',
    'Cho phép ghi "không áp dụng"',
    'có hoặc không. "không" khi bảng tiêu chí của văn bản chỉ có cột Đạt / Không đạt. Để trống: có.',
    14,
    choices('yesNo'),
  ),
  col('periodFrom', 'Kỳ đánh giá từ ngày', 'Ngày/tháng trong năm (vd. 01/11) khi kỳ đánh giá không phải năm dương lịch. Để trống: 01/01.'),
  col('periodTo', 'Kỳ đánh giá đến ngày', 'vd. 31/10 (kỳ từ 01/11 năm trước đến 31/10 năm đánh giá).'),
  col('illustrative', 'Bộ minh họa', 'có nếu đây là ví dụ, không phải văn bản chính thức. Để trống: không.', 14, choices('yesNo')),
  col('template', 'Khung mẫu', 'có nếu đây là khung của Trung ương mà tỉnh còn phải hoàn thiện (ngưỡng, điểm). Để trống: không.', 14, choices('yesNo')),
  col('notes', 'Ghi chú', 'Ghi chú của văn bản, lưu ý về nguồn. Không bắt buộc.'),
];

export const SET_COLUMNS = { label: 'Mục', value: 'Giá trị', hint: 'Hướng dẫn' } as const;

export const SECTION_COLUMNS: Column[] = [
  col('code', 'Mã tiêu chuẩn', 'vd. 1, 2, I, II. Không trùng nhau.', 12),
  col('title', 'Tên tiêu chuẩn', 'Ghi như văn bản, cả số thứ tự: "Tiêu chuẩn 1: …", "Nội dung 3: …".', 60),
  col('wording', 'Lời văn', 'nguyên văn (đọc đúng từng chữ của văn bản) hoặc chưa đối chiếu. Không bắt buộc.', 14, choices('wording')),
  col('note', 'Ghi chú', 'Giải thích cho người dùng. Không bắt buộc.', 30),
];

export const CRITERION_COLUMNS: Column[] = [
  col('section', 'Tiêu chuẩn', 'Mã tiêu chuẩn (trang "Tiêu chuẩn") mà tiêu chí thuộc về.', 11),
  col('code', 'Mã tiêu chí', 'vd. 1.1, 2.3. Không trùng với tiêu chí hay trường hợp loại trừ nào khác.', 11),
  col(
    'parent',
    'Thuộc tiêu chí',
    'Chỉ ghi ở dòng tiêu chí thành phần (vd. 6.3 cho 6.3.1) và dòng lời văn riêng: mã tiêu chí mà dòng đó thuộc về. Các dòng này đặt ngay sau dòng tiêu chí của nó.',
    11,
  ),
  col('text', 'Nội dung tiêu chí', 'Lời văn của văn bản, đúng từng chữ.', 60),
  col('lead', 'Lời dẫn của bộ tiêu chí', 'Chữ do người soạn bộ tiêu chí thêm mà văn bản không có (một câu dẫn). Không bắt buộc.', 20),
  col(
    'kind',
    'Loại',
    `${choices('kind').join('; ')}. Dòng "${VARIANT_WORD}" (có cột Thuộc tiêu chí) là lời văn riêng của tiêu chí cho một số loại đơn vị (cột Chỉ áp dụng cho).`,
    16,
    [...choices('kind'), VARIANT_WORD],
  ),
  col('measure', 'Đo bằng', 'Tiêu chí định lượng: tỷ lệ % (ghi 97,5 cho 97,5%) hoặc số lượng.', 11, choices('measure')),
  col('of', 'Đối tượng đo', 'Tiêu chí định lượng: cái được đo, vd. hộ, hộ nghèo.', 16),
  col('min', 'Tối thiểu', 'Tiêu chí định lượng: đạt khi giá trị từ số này trở lên (98 là "98% trở lên"). Tiêu chí tỷ lệ đạt danh hiệu: tỷ lệ % tối thiểu.', 10),
  col('max', 'Tối đa', 'Tiêu chí định lượng: đạt khi giá trị không quá số này (0 là "không có").', 10),
  col('maxPoints', 'Điểm tối đa', 'Tiêu chí chấm điểm: số điểm tối đa.', 10),
  col('passPoints', 'Điểm đạt', 'Tiêu chí chấm điểm: từ số điểm này trở lên là đạt. Để trống: một nửa điểm tối đa.', 10),
  col(
    'appliesTo',
    'Chỉ áp dụng cho',
    'Để trống nếu áp dụng cho mọi nơi. Hoặc liệt kê loại đơn vị, cách nhau dấu phẩy: thôn, tổ dân phố, bản; xã, phường, thị trấn, đặc khu (khu dân cư thuộc loại xã đó). Ở dòng lời văn riêng: nơi dùng lời văn đó.',
    18,
  ),
  col('level', 'Danh hiệu liên quan', 'Tiêu chí giữ danh hiệu / tỷ lệ đạt danh hiệu: mã danh hiệu (vd. van-hoa).', 14),
  col('program', 'Của phong trào', 'Mã phong trào công nhận danh hiệu đó (hoặc ghi cột sau).', 14),
  col('set', 'Của bộ tiêu chí', 'Mã bộ tiêu chí của danh hiệu đó (vd. tt124-khu-dan-cu-antt). Ghi một trong hai cột.', 14),
  col('year', 'Năm của danh hiệu', 'cùng năm (năm đánh giá) hoặc năm trước. Để trống: cùng năm.', 12, choices('year')),
  col('shareOf', 'Tính trên', 'Tiêu chí tỷ lệ đạt danh hiệu: khu dân cư hoặc tuyến phố trực thuộc. Để trống: khu dân cư.', 12, choices('shareOf')),
  col('wording', 'Lời văn', 'nguyên văn hoặc chưa đối chiếu. Không bắt buộc.', 13, choices('wording')),
  col('note', 'Ghi chú', 'Giải thích cho người dùng (minh chứng, phụ lục…). Không bắt buộc.', 30),
  col(
    'extra',
    'Khác (JSON)',
    'Phần hiếm dùng, ghi bằng JSON như tệp bộ tiêu chí (docs/criteria-format.md): "appliesTo" hay "when" (điều kiện) phức tạp hơn loại đơn vị, "quantity": {"from": …}. Để trống nếu không cần.',
    24,
  ),
];

export const DISQUALIFIER_COLUMNS: Column[] = [
  col('code', 'Mã', 'vd. II.1. Không trùng với mã tiêu chí.', 10),
  col('text', 'Nội dung', 'Trường hợp không xét công nhận, như văn bản.', 70),
  col('wording', 'Lời văn', 'nguyên văn hoặc chưa đối chiếu. Không bắt buộc.', 14, choices('wording')),
];

export const LEVEL_COLUMNS: Column[] = [
  col('code', 'Mã danh hiệu', 'vd. tieu-bieu, kieu-mau.', 12),
  col('name', 'Tên danh hiệu', 'vd. Khu dân cư tiêu biểu.', 28),
  col('rank', 'Bậc', 'Số nguyên; danh hiệu cao hơn có bậc lớn hơn (1, 2…).', 6),
  col('minSectionPassPercent', 'Mỗi tiêu chuẩn đạt tối thiểu (%)', 'Tỷ lệ % tiêu chí đạt tối thiểu trong mỗi tiêu chuẩn, vd. 80.', 14),
  col('sectionPassPercent', 'Tỷ lệ riêng từng tiêu chuẩn', 'Tỷ lệ riêng cho một số tiêu chuẩn: "mã: %", cách nhau dấu chấm phẩy, vd. 1: 100; 4: 90.', 16),
  col('minTotalPoints', 'Tổng điểm tối thiểu', 'Bộ chấm điểm: tổng điểm tối thiểu.', 11),
  col('minTotalPointsAs', 'Tổng điểm tính theo', 'điểm (số điểm) hoặc % điểm tối đa.', 12, choices('as')),
  col('minSectionPoints', 'Điểm mỗi tiêu chuẩn tối thiểu', 'Bộ chấm điểm: điểm tối thiểu của mỗi tiêu chuẩn.', 12),
  col('minSectionPointsAs', 'Điểm tiêu chuẩn tính theo', 'điểm hoặc % điểm tối đa.', 12, choices('as')),
  col('requiredCriteria', 'Tiêu chí bắt buộc đạt', 'Mã tiêu chí, cách nhau dấu phẩy (vd. 4.1).', 14),
  col('knockoutCriteria', 'Tiêu chí điểm liệt', 'Mã tiêu chí mà không đạt thì không công nhận dù đủ điểm.', 14),
  col(
    'disqualifiers',
    'Trường hợp loại trừ áp dụng',
    'tất cả; hoặc mã các trường hợp, cách nhau dấu phẩy; hoặc không (không trường hợp nào). Để trống: tất cả.',
    14,
  ),
  col(
    'requiresHistory',
    'Phải giữ danh hiệu năm trước',
    'Mã danh hiệu phải giữ ở (các) năm liền trước; nhiều mã cách nhau dấu phẩy là "một trong các danh hiệu".',
    14,
  ),
  col('consecutiveYears', 'Số năm liên tục', 'Số năm liền trước phải giữ danh hiệu trên. Để trống: 1.', 9),
  col(
    'overrides',
    'Ngưỡng riêng (JSON)',
    'Ngưỡng thấp hơn cho một số nơi (xã đặc biệt khó khăn, miền núi…), ghi bằng JSON như "overrides" trong tệp bộ tiêu chí.',
    24,
  ),
  col('rewardCoefficient', 'Thưởng: hệ số lương cơ sở', 'Mức thưởng theo luật, là bội số của mức lương cơ sở (vd. 1,5). Không bắt buộc.', 12),
  col('rewardBasis', 'Thưởng: căn cứ', 'Văn bản quy định mức thưởng.', 20),
  col('extra', 'Khác (JSON)', 'Phần hiếm dùng, ghi bằng JSON như tệp bộ tiêu chí. Để trống nếu không cần.', 16),
];

/** A header as typed, compared without case, diacritics or a bracketed hint. */
export function headerKey(text: string): string {
  return fold(text.replace(/\(.*?\)/g, ' '))
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}
