/**
 * Plain data for the official documents and tables. The database layer fills
 * these; the renderers in ./docx and ./xlsx only lay them out. Nothing here
 * is computed from the database, and nothing is formatted yet: amounts are
 * numbers (đồng), dates are ISO calendar days ("2024-11-18"), so the renderers
 * choose the Vietnamese presentation (src/core/text/format.ts).
 *
 * Percentages are NOT stored: the renderers derive them from the counts so a
 * document can never show a ratio that disagrees with its own figures.
 */
import type { RecognitionStatus } from '../core/cycle/status';
import type { CommentCounts } from '../core/notice/notice';

/** ISO calendar day, "2024-11-18". */
export type IsoDate = string;

/** The issuing body in the header (Nghị định 30/2020/NĐ-CP, Phụ lục I, ô 2). */
export interface Issuer {
  /** Cơ quan chủ quản, e.g. "UBND TỈNH LAI CHÂU"; null when the body has none. */
  authority: string | null;
  /** Cơ quan ban hành, e.g. "UBND THÀNH PHỐ LAI CHÂU" (printed bold). A "\n" in either name forces the line break. */
  body: string;
  /** How running text names the body: "UBND thành phố Lai Châu" (annex "Kèm theo … của …"). Defaults to `body`. */
  shortName?: string | null;
  /** Địa danh before the date, e.g. "Lai Châu" → "Lai Châu, ngày 18 tháng 11 năm 2024". */
  place: string;
}

/**
 * Signature block. `mode` follows Nghị định 30: "TM." signs for a collective,
 * "KT." signs in place of the head (then `headPosition` is the head's title).
 * Công văn 2536/UBND-NV (UBND thành phố Lai Châu) shows both at once: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH.
 */
export interface Signature {
  mode: 'TM.' | 'KT.' | null;
  /** With TM. (or KT. inside a collective): "ỦY BAN NHÂN DÂN", "BAN THƯỜNG TRỰC". */
  collective?: string | null;
  /** With KT.: the head signed for, "CHỦ TỊCH". */
  headPosition?: string | null;
  /** The signer's own position: "CHỦ TỊCH", "PHÓ CHỦ TỊCH". */
  position: string;
  /** Full name, printed bold under the signing space. */
  name: string;
}

/** Fields every administrative document (văn bản hành chính) shares. */
/**
 * Mã xác minh printed on a certificate or an issued decision: the code, and the public page it leads to
 * (null when the site's public address is not known: the code prints without a QR).
 */
export interface Verification {
  code: string;
  url: string | null;
  /** Where to type the code by hand: "https://kdc.example.vn/xac-minh". */
  lookupUrl: string | null;
}

export interface DocumentHead {
  issuer: Issuer;
  /** Số, ký hiệu: "125/QĐ-UBND". Printed as "Số: 125/QĐ-UBND". */
  number: string;
  date: IsoDate;
  /** Nơi nhận, one line each: "Như Điều 3;", "Lưu: VT." (the dash is added). */
  recipients: string[];
  signature: Signature;
}

/** One recognised area (decision annex, area list, certificate source). */
export interface RecognizedAreaRow {
  /** Row number as printed; the renderer numbers rows 1.. when absent. */
  order?: number;
  areaName: string;
  /** Xã / phường / thị trấn; null for areas directly under the issuer. */
  communeName: string | null;
  /** Danh hiệu, e.g. "Khu dân cư tiêu biểu"; optional where the document has one title. */
  titleName?: string;
  status: RecognitionStatus;
  /** Mức thưởng (đồng); null = not rewarded by this body (e.g. KDCKM, province). */
  reward: number | null;
}

/** Quyết định công nhận (decision recognising the areas of one title in one year). */
export interface RecognitionDecisionModel extends DocumentHead {
  /** Only on an issued decision: a draft is not a decision, nothing verifies it. */
  verification?: Verification | null;
  /** Trích yếu, e.g. "Về việc công nhận tổ dân phố, bản đạt tiêu chuẩn … năm 2024". */
  title: string;
  /** The deciding authority line above "Căn cứ", e.g. "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ LAI CHÂU". */
  deciderTitle: string;
  programName: string;
  year: number;
  titleName: string;
  /** "Căn cứ …" paragraphs, each without the trailing ";" (added). */
  legalBases: string[];
  /** "Xét đề nghị của …" paragraph; optional. */
  proposal?: string | null;
  /** Điều 1.., the text after "Điều n."; see standardDecisionArticles(). */
  articles: string[];
  areas: RecognizedAreaRow[];
}

/** One area as the council saw it. */
export interface CouncilAreaVerdict {
  order?: number;
  areaName: string;
  communeName: string | null;
  /** What the appraisal found, free text: "39/41 tiêu chí đạt", "92 điểm". */
  assessment?: string | null;
  recommended: boolean;
  /** Status proposed when recommended. */
  proposedStatus?: RecognitionStatus | null;
  /** Why not (or remarks): "Tiêu chí 5.2: còn 01 hộ nghèo". */
  reason?: string | null;
  /** Residents' comments on the area during the public notice, and how many were accepted (issue 14). */
  comments?: CommentCounts | null;
}

/** Thông báo kết luận cuộc họp Hội đồng xét đề nghị công nhận. */
export interface CouncilConclusionModel extends DocumentHead {
  /** Trích yếu: "Kết luận cuộc họp Hội đồng xét đề nghị công nhận … năm 2024". */
  title: string;
  councilName: string;
  programName: string;
  year: number;
  titleName: string;
  meeting: {
    date: IsoDate;
    /** "8 giờ 00"; optional. */
    time?: string | null;
    place: string;
  };
  chair: { name: string; position: string };
  /** Who attended, one line each ("Các thành viên Hội đồng", "Đại diện UBND các xã, phường"). */
  attendees: string[];
  areas: CouncilAreaVerdict[];
  /** Further conclusions / tasks after the tables, one paragraph each. */
  conclusions: string[];
  /** All residents' comments on the areas considered, when a public notice was held: "N ý kiến, M được tiếp thu". */
  comments?: CommentCounts | null;
}

/** Registered and recognised counts for one title (Báo cáo 299-BC/HU, section II.3). */
export interface TitleFigures {
  titleName: string;
  registered: number;
  firstTime: number;
  held: number;
  again: number;
}

export interface YearFigures {
  /** All residential areas under the reporting unit (denominator of "% of areas"). */
  totalAreas: number;
  titles: TitleFigures[];
  /** Targets for recognised areas (all titles); null when none was set. */
  yearTarget: number | null;
  periodTarget: number | null;
  /** "2021 - 2025" */
  periodLabel: string | null;
}

export interface CommuneRow {
  communeName: string;
  areas: number;
  registered: number;
  firstTime: number;
  held: number;
  again: number;
}

/** A criterion many areas fail, with the areas (footnotes 44–49 of the 2024 report on Nghị quyết 02-NQ/ThU). */
export interface FailedCriterion {
  code: string;
  text: string;
  /** "TDP 5 (Tân Phong)"; the count is the length. */
  areas: string[];
}

/** Reward due for one title and status: count × amount. */
export interface RewardLine {
  titleName: string;
  status: RecognitionStatus;
  count: number;
  /** Đồng per area. */
  amountPerArea: number;
}

export interface Contributions {
  /** Kinh phí ngân sách (đồng). */
  budget: number;
  /** Nhân dân đóng góp, xã hội hóa (đồng). */
  people: number;
  /** Đất hiến (m²). */
  landM2: number;
  workdays: number;
  /** Quà tặng: count and value (đồng); optional. */
  gifts?: { count: number; value: number } | null;
  /** Tập thể, cá nhân được khen thưởng; optional. */
  commendations?: number | null;
}

/** Phụ lục 1 row: a document issued to lead or guide the programme. */
export interface IssuedDocument {
  issuer: string;
  /** Loại văn bản: "Kế hoạch", "Quyết định". */
  type: string;
  /** Ký hiệu; null when not yet numbered (Báo cáo 299-BC/HU, Phụ lục 1 row 15). */
  number: string | null;
  date: IsoDate | null;
  summary: string;
}

/** Phụ lục 2 row: money mobilised at one level. */
export interface FundingRow {
  /** Cấp thực hiện: "Cấp huyện", "Cấp xã", "Khu dân cư". */
  level: string;
  budget: number | null;
  mobilised: number | null;
  /** In kind, free text: "96.538 m² đất; 13.028 ngày công". */
  inKind?: string | null;
  content: string;
}

/** Free text the database cannot write (assessment, tasks, proposals). */
export interface NarrativeSection {
  heading: string;
  paragraphs: string[];
}

/** Báo cáo kết quả năm (section II of Báo cáo 299-BC/HU, with Phụ lục 1 and 2). */
export interface YearReportModel extends DocumentHead {
  /** Trích yếu: "Kết quả xây dựng … năm 2024". */
  title: string;
  programName: string;
  year: number;
  /** Opening paragraphs before section I. */
  intro: string[];
  figures: YearFigures;
  communes: CommuneRow[];
  failedCriteria: FailedCriterion[];
  rewards: RewardLine[];
  contributions: Contributions;
  /** Sections after "I. KẾT QUẢ" (II. ĐÁNH GIÁ CHUNG, III. NHIỆM VỤ …). */
  narrative: NarrativeSection[];
  documents: IssuedDocument[];
  funding: FundingRow[];
  /** A note printed in italics under the figures, e.g. that amounts are illustrative. */
  note?: string | null;
  /** Every title held on the territory that year, this programme's and the others' (see TitleShare). */
  relatedTitles?: TitleShare[];
  /** Households holding "Gia đình văn hóa" out of all households, from the areas' figures. */
  households?: HouseholdShare | null;
}

/** One title of a place: how many of the units it is for hold it, out of all of them ("72/72 thôn, tổ dân phố văn hóa"). */
export interface TitleShare {
  titleName: string;
  programName: string;
  /** The units it is for, as running text names them: "thôn, tổ dân phố, bản", "tuyến phố". */
  subjectName: string;
  held: number;
  total: number;
  firstTime: number;
  heldOver: number;
  again: number;
}

export interface HouseholdShare {
  total: number;
  cultured: number;
}

/** Báo cáo kết quả các danh hiệu: every title of a unit in a year, side by side. */
export interface AllTitlesModel extends DocumentHead {
  title: string;
  unitName: string;
  year: number;
  titles: TitleShare[];
  households: HouseholdShare | null;
}

/**
 * Quyết định thu hồi danh hiệu: an amending decision withdrawing titles an
 * earlier decision (or the records) gave, with its reason and the list of areas.
 */
export interface RevocationDecisionModel extends DocumentHead {
  verification?: Verification | null;
  title: string;
  deciderTitle: string;
  titleName: string;
  year: number;
  legalBases: string[];
  /** The decisions that gave the titles: "Quyết định số 2610/QĐ-UBND ngày 20/11/2025". */
  amends: string[];
  reason: string;
  areas: Array<{ areaName: string; communeName: string | null; grantedBy: string }>;
}

/** Giấy công nhận, one per recognised area. */
export interface CertificateModel {
  issuer: Issuer;
  /** "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ LAI CHÂU" */
  grantorTitle: string;
  areaName: string;
  communeName: string | null;
  titleName: string;
  year: number;
  status: RecognitionStatus;
  /** The decision it rests on: number and date. */
  decision: { number: string; date: IsoDate };
  verification?: Verification | null;
  /** Số vào sổ: "01/GCN"; optional. */
  registerNumber?: string | null;
  date: IsoDate;
  signature: Signature;
}

/** Row of the plain area list workbook. */
export type AreaListRow = RecognizedAreaRow;
