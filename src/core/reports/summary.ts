/**
 * The arithmetic of a programme's yearly figures, on plain rows: one place,
 * so the API, the CLI, the dashboard and the documents can never disagree.
 */
import type { RecognitionStatus } from '../cycle/status';
import { percentOneDecimal } from '../text/format';

export interface TitleInfo {
  code: string;
  name: string;
}
export interface RecognitionRow {
  unitId: number;
  titleCode: string;
  status: RecognitionStatus | string;
}
export interface RegistrationRow {
  unitId: number;
  titleCode: string | null;
}

export interface SummaryInput {
  program: string;
  year: number;
  titles: TitleInfo[];
  areas: number;
  registrations: RegistrationRow[];
  recognitions: RecognitionRow[];
  yearTarget: number | null;
  periodTarget: number | null;
}

export interface TitleFigures {
  code: string;
  name: string;
  registered: number;
  recognized: number;
  firstTime: number;
  held: number;
  again: number;
}

export interface Summary {
  program: string;
  year: number;
  areas: number;
  registered: number;
  recognized: number;
  percentOfAreas: number | null;
  titles: TitleFigures[];
  yearTarget: number | null;
  percentOfYearTarget: number | null;
  periodTarget: number | null;
  percentOfPeriodTarget: number | null;
}

/** Areas registered for a title and areas recognised count once each, whatever the number of titles. */
export function summarize(input: SummaryInput): Summary {
  const registeredUnits = new Set(input.registrations.filter((r) => r.titleCode).map((r) => r.unitId));
  const recognizedUnits = new Set(input.recognitions.map((r) => r.unitId));
  const titles = input.titles.map((t) => {
    const rec = input.recognitions.filter((r) => r.titleCode === t.code);
    return {
      code: t.code,
      name: t.name,
      registered: input.registrations.filter((r) => r.titleCode === t.code).length,
      recognized: rec.length,
      firstTime: rec.filter((r) => r.status === 'lan-dau').length,
      held: rec.filter((r) => r.status === 'giu-vung').length,
      again: rec.filter((r) => r.status === 'cong-nhan-lai').length,
    };
  });
  const recognized = recognizedUnits.size;
  return {
    program: input.program,
    year: input.year,
    areas: input.areas,
    registered: registeredUnits.size,
    recognized,
    percentOfAreas: percentOneDecimal(recognized, input.areas),
    titles,
    yearTarget: input.yearTarget,
    percentOfYearTarget: input.yearTarget === null ? null : percentOneDecimal(recognized, input.yearTarget),
    periodTarget: input.periodTarget,
    percentOfPeriodTarget: input.periodTarget === null ? null : percentOneDecimal(recognized, input.periodTarget),
  };
}
