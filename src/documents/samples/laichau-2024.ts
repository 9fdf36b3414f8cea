/**
 * Sample models for Lai Châu city, 2024 (the Thành ủy Lai Châu's 2024 report on Nghị quyết
 * 02-NQ/ThU and Công văn 2536/UBND-NV): used by
 * scripts/render-samples.ts and by the tests.
 *
 * From those documents: the 35 recognised areas and who was first-time (7) or held
 * (28); 72 areas in 7 wards/communes; targets 32 (year) and 26 (period);
 * criteria 4.2, 4.5 and 5.2 and the areas named in the report's footnotes 44, 48
 * and 49 (those describe the period, not 2024 alone).
 *
 * ILLUSTRATIVE, not in those documents: document numbers and dates; signers' names
 * ("Nguyễn Văn A"); reward amounts (Bảo Lâm's 2.000.000 đ first time /
 * 500.000 đ again, Báo cáo 299-BC/HU — Lai Châu's are not given); registrations and the
 * three areas not recommended; money, land and workdays.
 */
import type { RecognitionStatus } from '../../core/cycle/status';
import type { CertificateModel, CouncilConclusionModel, Issuer, RecognitionDecisionModel, RecognizedAreaRow, Signature, YearReportModel } from '../model';
import { standardDecisionArticles } from '../text';

export const TITLE = 'Tổ dân phố, bản tự quản, phát triển toàn diện';
export const PROGRAM = 'Xây dựng khu dân cư (tổ dân phố, bản) tự quản, phát triển toàn diện giai đoạn 2020 - 2025';
const YEAR = 2024;

/** Illustrative amounts (Bảo Lâm's, Báo cáo 299-BC/HU). */
export const REWARDS: Record<RecognitionStatus, number> = { 'lan-dau': 2_000_000, 'giu-vung': 500_000, 'cong-nhan-lai': 500_000 };

const CITY: Issuer = {
  authority: null,
  body: 'Ủy ban nhân dân\nthành phố Lai Châu',
  shortName: 'UBND thành phố Lai Châu',
  place: 'Lai Châu',
};

const CHAIR: Signature = { mode: 'TM.', collective: 'Ủy ban nhân dân', position: 'Chủ tịch', name: 'Nguyễn Văn A' };
const VICE_CHAIR: Signature = { mode: 'KT.', collective: 'Ủy ban nhân dân', headPosition: 'Chủ tịch', position: 'Phó Chủ tịch', name: 'Trần Thị B' };

/** Wards and communes: units after the 2022 split (Công văn 2536/UBND-NV baseline + 2 in Đông Phong). */
const COMMUNES: { name: string; areas: number }[] = [
  { name: 'Phường Tân Phong', areas: 15 },
  { name: 'Phường Quyết Thắng', areas: 6 },
  { name: 'Phường Đoàn Kết', areas: 13 },
  { name: 'Phường Đông Phong', areas: 8 },
  { name: 'Phường Quyết Tiến', areas: 8 },
  { name: 'Xã San Thàng', areas: 9 },
  { name: 'Xã Sùng Phài', areas: 13 },
];

/** Recognised areas by commune and first year of recognition (the 2024 report on Nghị quyết 02-NQ/ThU, footnote 6). */
const RECOGNISED: [commune: string, area: string, since: number][] = [
  ['Phường Tân Phong', 'Tổ dân phố số 5', 2021],
  ['Phường Tân Phong', 'Tổ dân phố số 8', 2022],
  ['Phường Tân Phong', 'Tổ dân phố số 9', 2022],
  ['Phường Tân Phong', 'Tổ dân phố số 10', 2024],
  ['Phường Tân Phong', 'Tổ dân phố số 15', 2023],
  ['Phường Tân Phong', 'Tổ dân phố số 16', 2021],
  ['Phường Tân Phong', 'Tổ dân phố số 19', 2023],
  ['Phường Quyết Thắng', 'Tổ dân phố số 9', 2021],
  ['Phường Quyết Thắng', 'Bản Nậm Loỏng 3', 2022],
  ['Phường Quyết Thắng', 'Bản Sáo Làn Than', 2023],
  ['Phường Đoàn Kết', 'Tổ dân phố số 1', 2021],
  ['Phường Đoàn Kết', 'Tổ dân phố số 2', 2021],
  ['Phường Đoàn Kết', 'Tổ dân phố số 5', 2022],
  ['Phường Đoàn Kết', 'Tổ dân phố số 6', 2023],
  ['Phường Đoàn Kết', 'Tổ dân phố số 9', 2023],
  ['Phường Đoàn Kết', 'Tổ dân phố số 12', 2024],
  ['Phường Đông Phong', 'Tổ dân phố số 22', 2022],
  ['Phường Đông Phong', 'Tổ dân phố số 23', 2023],
  ['Phường Đông Phong', 'Tổ dân phố số 25', 2021],
  ['Phường Đông Phong', 'Tổ dân phố số 26', 2023],
  ['Phường Đông Phong', 'Tổ dân phố số 27', 2023],
  ['Phường Đông Phong', 'Tổ dân phố số 28', 2023],
  ['Phường Đông Phong', 'Bản Tả Xin Chải', 2024],
  ['Phường Quyết Tiến', 'Tổ dân phố số 3', 2022],
  ['Phường Quyết Tiến', 'Tổ dân phố số 5', 2024],
  ['Phường Quyết Tiến', 'Tổ dân phố số 6', 2022],
  ['Phường Quyết Tiến', 'Tổ dân phố số 7', 2022],
  ['Phường Quyết Tiến', 'Tổ dân phố số 8', 2022],
  ['Xã San Thàng', 'Bản Xéo Xin Chải', 2021],
  ['Xã San Thàng', 'Bản Thành Công', 2024],
  ['Xã San Thàng', 'Bản Mới', 2024],
  ['Xã San Thàng', 'Bản Lò Suối Tùng', 2024],
  ['Xã Sùng Phài', 'Bản Sùng Chồ', 2021],
  ['Xã Sùng Phài', 'Bản Gia Khâu 1', 2023],
  ['Xã Sùng Phài', 'Bản Sùng Phài', 2023],
];

/** Illustrative: registered but not recommended in 2024. */
const NOT_RECOMMENDED: [commune: string, area: string, reason: string][] = [
  ['Phường Tân Phong', 'Tổ dân phố số 11', 'Tiêu chuẩn 5 đạt 4/6 tiêu chí (66,7%), dưới mức 80%'],
  ['Phường Quyết Thắng', 'Bản Nậm Loỏng 1', 'Có trường hợp vi phạm pháp luật về ma túy (trường hợp loại trừ)'],
  ['Phường Quyết Tiến', 'Tổ dân phố số 4', 'Chưa đạt nội dung tự quản (tiêu chí 4.1)'],
];

/** Every area recognised since 2021 and still recognised in 2023 held the title in 2024 (28). */
function statusIn2024(since: number): RecognitionStatus {
  return since === YEAR ? 'lan-dau' : 'giu-vung';
}

export function recognisedAreas(): RecognizedAreaRow[] {
  return RECOGNISED.map(([communeName, areaName, since], i) => {
    const status = statusIn2024(since);
    return { order: i + 1, areaName, communeName, titleName: TITLE, status, reward: REWARDS[status] };
  });
}

export function decisionModel(): RecognitionDecisionModel {
  const areas = recognisedAreas();
  return {
    issuer: CITY,
    number: '125/QĐ-UBND',
    date: '2024-11-18',
    title: `Về việc công nhận tổ dân phố, bản đạt tiêu chuẩn tự quản, phát triển toàn diện năm ${YEAR}`,
    deciderTitle: 'Ủy ban nhân dân thành phố Lai Châu',
    programName: PROGRAM,
    year: YEAR,
    titleName: TITLE,
    legalBases: [
      'Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019',
      'Quyết định số 24/2019/QĐ-UBND ngày 16/9/2019 của UBND tỉnh Lai Châu ban hành Quy chế tổ chức và hoạt động của thôn, bản, tổ dân phố trên địa bàn tỉnh Lai Châu',
      'Nghị quyết số 02-NQ/ThU ngày 22/9/2020 của Ban Chấp hành Đảng bộ thành phố Lai Châu về xây dựng khu dân cư tự quản, phát triển toàn diện giai đoạn 2020 - 2025',
    ],
    proposal: 'Xét đề nghị của Trưởng phòng Nội vụ thành phố tại Tờ trình số 86/TTr-NV ngày 12/11/2024',
    articles: standardDecisionArticles({
      titleName: TITLE,
      year: YEAR,
      count: areas.length,
      rewarded: true,
      executors: 'Chánh Văn phòng HĐND và UBND thành phố, Trưởng phòng Nội vụ, Trưởng phòng Tài chính - Kế hoạch, Chủ tịch UBND các xã, phường',
    }),
    areas,
    recipients: [
      'Như Điều 3;',
      'Thường trực Thành ủy (b/c);',
      'Thường trực HĐND thành phố;',
      'Lãnh đạo UBND thành phố;',
      'Ủy ban MTTQ Việt Nam thành phố;',
      'Lưu: VT, NV.',
    ],
    signature: CHAIR,
  };
}

export function councilModel(): CouncilConclusionModel {
  const yes = recognisedAreas().map((a) => ({
    areaName: a.areaName,
    communeName: a.communeName,
    assessment: 'Đạt 6/6 tiêu chuẩn',
    recommended: true,
    proposedStatus: a.status,
  }));
  const no = NOT_RECOMMENDED.map(([communeName, areaName, reason]) => ({ areaName, communeName, assessment: 'Không đạt', recommended: false, reason }));
  return {
    issuer: { authority: 'UBND thành phố Lai Châu', body: 'Hội đồng xét công nhận\ntổ dân phố, bản tự quản,\nphát triển toàn diện', place: 'Lai Châu' },
    number: '09/TB-HĐXCN',
    date: '2024-11-11',
    title: `Kết luận cuộc họp Hội đồng xét công nhận tổ dân phố, bản tự quản, phát triển toàn diện năm ${YEAR}`,
    councilName: 'Hội đồng xét công nhận tổ dân phố, bản tự quản, phát triển toàn diện thành phố Lai Châu',
    programName: PROGRAM,
    year: YEAR,
    titleName: TITLE,
    meeting: { date: '2024-11-08', time: '8 giờ 00', place: 'Hội trường UBND thành phố Lai Châu' },
    chair: { name: 'Trần Thị B', position: 'Phó Chủ tịch UBND thành phố, Chủ tịch Hội đồng' },
    attendees: [
      'Các thành viên Hội đồng xét công nhận thành phố;',
      'Lãnh đạo Phòng Nội vụ, Phòng Văn hóa và Thông tin thành phố;',
      'Đại diện lãnh đạo UBND các xã, phường.',
    ],
    areas: [...yes, ...no],
    conclusions: [
      'Giao Phòng Nội vụ tổng hợp, tham mưu UBND thành phố ban hành quyết định công nhận và khen thưởng, tổ chức công bố vào dịp Ngày hội Đại đoàn kết toàn dân tộc 18/11.',
      'Đề nghị UBND các xã, phường chỉ đạo các tổ dân phố, bản chưa được đề nghị công nhận khắc phục các tiêu chí chưa đạt, đăng ký phấn đấu trong năm 2025.',
    ],
    recipients: ['UBND thành phố (b/c);', 'Các thành viên Hội đồng;', 'UBND các xã, phường;', 'Lưu: VT.'],
    signature: { mode: 'TM.', collective: 'Hội đồng', position: 'Chủ tịch', name: 'Trần Thị B' },
  };
}

function communeRows(): YearReportModel['communes'] {
  const areas = recognisedAreas();
  const extra = new Set(NOT_RECOMMENDED.map(([commune]) => commune));
  return COMMUNES.map(({ name, areas: total }) => {
    const mine = areas.filter((a) => a.communeName === name);
    const count = (s: RecognitionStatus): number => mine.filter((a) => a.status === s).length;
    return {
      communeName: name,
      areas: total,
      registered: mine.length + (extra.has(name) ? 1 : 0),
      firstTime: count('lan-dau'),
      held: count('giu-vung'),
      again: count('cong-nhan-lai'),
    };
  });
}

export function yearReportModel(): YearReportModel {
  const communes = communeRows();
  const first = communes.reduce((s, c) => s + c.firstTime, 0);
  const held = communes.reduce((s, c) => s + c.held, 0);
  return {
    issuer: CITY,
    number: '412/BC-UBND',
    date: '2024-12-05',
    title: `Kết quả xây dựng tổ dân phố, bản tự quản, phát triển toàn diện năm ${YEAR}`,
    programName: PROGRAM,
    year: YEAR,
    intro: [
      'Thực hiện Nghị quyết số 02-NQ/ThU ngày 22/9/2020 của Ban Chấp hành Đảng bộ thành phố Lai Châu về xây dựng khu dân cư tự quản, phát triển toàn diện giai đoạn 2020 - 2025, Ủy ban nhân dân thành phố báo cáo kết quả thực hiện năm 2024 như sau:',
    ],
    figures: {
      totalAreas: 72,
      titles: [{ titleName: TITLE, registered: communes.reduce((s, c) => s + c.registered, 0), firstTime: first, held, again: 0 }],
      yearTarget: 32,
      periodTarget: 26,
      periodLabel: '2021 - 2025',
    },
    communes,
    failedCriteria: [
      {
        code: '5.2',
        text: 'Tổ dân phố, bản không có hộ nghèo',
        areas: [
          'TDP 5, 9, 15 (Tân Phong)',
          'TDP 26 (Đông Phong)',
          'Bản Nậm Loỏng 3, Sáo Làn Than (Quyết Thắng)',
          'TDP 6 (Quyết Tiến)',
          'TDP 1 (Đoàn Kết)',
          'Bản Sùng Chồ, Gia Khâu 1, Sùng Phài (Sùng Phài)',
        ],
      },
      {
        code: '4.2',
        text: 'Đăng ký và thực hiện tốt các tiêu chí "Tuyến đường, phố văn minh đô thị"',
        areas: ['TDP 5, 9 (Tân Phong)', 'TDP 23, 26, 27, 28 (Đông Phong)', 'Bản Sáo Làn Than (Quyết Thắng)'],
      },
      {
        code: '4.5',
        text: 'Không có tình trạng đổ rác bừa bãi, không đúng địa điểm, thời gian quy định',
        areas: ['Bản Sùng Chồ, Sùng Phài, Gia Khâu 1 (Sùng Phài)'],
      },
    ],
    rewards: [
      { titleName: TITLE, status: 'lan-dau', count: first, amountPerArea: REWARDS['lan-dau'] },
      { titleName: TITLE, status: 'giu-vung', count: held, amountPerArea: REWARDS['giu-vung'] },
    ],
    contributions: { budget: 28_000_000, people: 1_250_000_000, landM2: 1_320, workdays: 2_150, commendations: 42, gifts: { count: 35, value: 17_500_000 } },
    note: 'Ghi chú: mức thưởng lấy theo mức của huyện Bảo Lâm (2.000.000 đ công nhận lần đầu, 500.000 đ công nhận lại) để minh họa; số liệu kinh phí, đất, ngày công và số đăng ký là số liệu minh họa.',
    narrative: [
      {
        heading: 'II. ĐÁNH GIÁ CHUNG',
        paragraphs: [
          'Số tổ dân phố, bản được công nhận vượt mục tiêu năm và mục tiêu giai đoạn. Một số tổ dân phố, bản còn hộ nghèo, chưa đạt tiêu chí tuyến đường, phố văn minh đô thị và tiêu chí về thu gom rác thải.',
        ],
      },
      {
        heading: 'III. NHIỆM VỤ NĂM 2025',
        paragraphs: [
          'Duy trì 35 tổ dân phố, bản đã được công nhận; hướng dẫn các tổ dân phố, bản chưa đạt khắc phục các tiêu chí còn thiếu; tổng kết giai đoạn 2020 - 2025.',
        ],
      },
    ],
    documents: [
      {
        issuer: 'Thành ủy',
        type: 'Nghị quyết',
        number: '02-NQ/ThU',
        date: '2020-09-22',
        summary: 'Về xây dựng khu dân cư tự quản, phát triển toàn diện giai đoạn 2020 - 2025 trên địa bàn thành phố Lai Châu',
      },
      {
        issuer: 'UBND thành phố',
        type: 'Công văn',
        number: '2536/UBND-NV',
        date: '2020-11-10',
        summary: 'V/v lấy ý kiến tham gia dự thảo "Đề án xây dựng khu dân cư (tổ dân phố, bản) tự quản, phát triển toàn diện giai đoạn 2020 - 2025"',
      },
      {
        issuer: 'HĐND tỉnh',
        type: 'Nghị quyết',
        number: '28/NQ-HĐND',
        date: '2022-07-20',
        summary: 'Về chia tách, thành lập, đổi tên thôn, bản, tổ dân phố thuộc các huyện, thành phố trên địa bàn tỉnh Lai Châu',
      },
      {
        issuer: 'UBND thành phố',
        type: 'Kế hoạch',
        number: '38/KH-UBND',
        date: '2024-02-26',
        summary: 'Xây dựng tổ dân phố, bản tự quản, phát triển toàn diện năm 2024 (số hiệu minh họa)',
      },
      {
        issuer: 'Hội đồng xét công nhận',
        type: 'Thông báo',
        number: '09/TB-HĐXCN',
        date: '2024-11-11',
        summary: 'Kết luận cuộc họp Hội đồng xét công nhận tổ dân phố, bản tự quản, phát triển toàn diện năm 2024 (số hiệu minh họa)',
      },
      {
        issuer: 'UBND thành phố',
        type: 'Quyết định',
        number: '125/QĐ-UBND',
        date: '2024-11-18',
        summary: 'Công nhận tổ dân phố, bản đạt tiêu chuẩn tự quản, phát triển toàn diện năm 2024 (số hiệu minh họa)',
      },
    ],
    funding: [
      { level: 'Cấp thành phố', budget: 28_000_000, mobilised: null, content: 'Khen thưởng tổ dân phố, bản được công nhận' },
      { level: 'Cấp xã, phường', budget: null, mobilised: 17_500_000, content: 'Tặng quà, biểu dương tổ dân phố, bản tiêu biểu' },
      {
        level: 'Tổ dân phố, bản',
        budget: null,
        mobilised: 1_232_500_000,
        inKind: '1.320 m² đất; 2.150 ngày công',
        content: 'Bê tông hóa đường, ngõ; thắp sáng đường phố; sửa chữa nhà văn hóa',
      },
    ],
    recipients: ['Thường trực Thành ủy (b/c);', 'Thường trực HĐND thành phố;', 'Lãnh đạo UBND thành phố;', 'Phòng Nội vụ;', 'UBND các xã, phường;', 'Lưu: VT.'],
    signature: VICE_CHAIR,
  };
}

export function certificateModels(): CertificateModel[] {
  const decision = decisionModel();
  return decision.areas.map((a, i) => ({
    issuer: CITY,
    grantorTitle: 'Chủ tịch Ủy ban nhân dân thành phố Lai Châu',
    areaName: a.areaName,
    communeName: a.communeName,
    titleName: TITLE,
    year: YEAR,
    status: a.status,
    decision: { number: decision.number, date: decision.date },
    registerNumber: `${String(i + 1).padStart(2, '0')}/GCN`,
    date: decision.date,
    signature: { mode: null, position: 'Chủ tịch', name: 'Nguyễn Văn A' },
  }));
}
