/**
 * Wording shared by the DOCX and XLSX renderers. Numbers, money and short
 * dates come from src/core/text/format.ts; only what is specific to official
 * documents (the long date line, the standard articles, totals) lives here.
 */
import { STATUS_LABELS } from '../core/cycle/status';
import { formatPercentOfRatio } from '../core/text/format';
import { dateParts, formatDate } from '../core/text/date';
import type { IsoDate, Issuer, RecognitionDecisionModel, TitleFigures, YearFigures } from './model';

/**
 * "Lai Châu, ngày 05 tháng 02 năm 2024". Nghị định 30/2020/NĐ-CP (Phụ lục I,
 * mục 5): days below 10 and months 1 and 2 take a leading zero, so a month
 * cannot later be extended by hand (1 → 11, 2 → 12).
 */
export function placeDateLine(place: string, iso: IsoDate): string {
  const { year, month: m, day: d } = dateParts(iso);
  const day = d < 10 ? `0${d}` : String(d);
  const month = m < 3 ? `0${m}` : String(m);
  return `${place}, ngày ${day} tháng ${month} năm ${year}`;
}

/** The issuer as running text names it: its short name, else the body on one line. */
export function issuerInText(issuer: Issuer): string {
  return issuer.shortName ?? issuer.body.replace(/\s*\n\s*/g, ' ');
}

/** "Số: 125/QĐ-UBND" */
export function numberLine(number: string): string {
  return `Số: ${number}`;
}

/** The status label used everywhere ("Công nhận lần đầu", "Giữ vững", "Công nhận lại"). */
export { STATUS_LABELS };

/** Two-digit counts as administrative texts write them: 7 → "07". */
export function count2(n: number): string {
  return n < 10 && n >= 0 ? `0${n}` : String(n);
}

export function recognisedTotal(t: Pick<TitleFigures, 'firstTime' | 'held' | 'again'>): number {
  return t.firstTime + t.held + t.again;
}

export function allRecognised(figures: YearFigures): number {
  return figures.titles.reduce((sum, t) => sum + recognisedTotal(t), 0);
}

export function allRegistered(figures: YearFigures): number {
  return figures.titles.reduce((sum, t) => sum + t.registered, 0);
}

/** Ratio as "109,4%", or "–" when the denominator is missing or zero. */
export function percentOrDash(part: number, whole: number | null | undefined): string {
  return whole ? formatPercentOfRatio(part / whole) : '–';
}

/** "Quyết định số 125/QĐ-UBND ngày 18/11/2024" */
export function decisionReference(number: string, date: IsoDate): string {
  return `Quyết định số ${number} ngày ${formatDate(date)}`;
}

/**
 * The three articles a recognition decision almost always has (decisions 46,
 * 47, 75, 76/QĐ-MTTQ-BTT, quoted in Báo cáo 299-BC/HU, follow this shape). The database layer
 * can use this, or write its own.
 */
export function standardDecisionArticles(input: {
  titleName: string;
  year: number;
  count: number;
  rewarded: boolean;
  executors: string;
}): RecognitionDecisionModel['articles'] {
  const articles = [`Công nhận ${count2(input.count)} khu dân cư đạt danh hiệu "${input.titleName}" năm ${input.year} (có danh sách kèm theo).`];
  if (input.rewarded) {
    articles.push(
      'Tặng thưởng cho các khu dân cư có tên tại Điều 1 theo mức ghi trong danh sách kèm theo; kinh phí khen thưởng chi từ nguồn kinh phí thi đua, khen thưởng theo quy định.',
    );
  }
  articles.push(`Quyết định có hiệu lực kể từ ngày ký. ${input.executors} và các khu dân cư có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.`);
  return articles;
}
