/**
 * Official documents and tables. Pure: plain models in, file bytes out.
 * The database layer builds the models (./model.ts); the CLI and the web
 * download write the buffers.
 */
export type * from './model';
export { renderRecognitionDecision } from './docx/recognition-decision';
export { renderRevocationDecision } from './docx/revocation-decision';
export { renderAllTitles } from './docx/all-titles';
export { renderAllTitlesSheet, ALL_TITLES_SHEET } from './xlsx/all-titles';
export { renderCouncilConclusion } from './docx/council-conclusion';
export { renderYearReport } from './docx/year-report';
export { renderCertificates } from './docx/certificate';
export { renderCriteriaForm, type CriteriaFormModel } from './docx/criteria-form';
export { renderYearTables, YEAR_SHEETS } from './xlsx/year-tables';
export { renderAreaList, AREA_LIST_SHEET } from './xlsx/area-list';
export { standardDecisionArticles, placeDateLine } from './text';

/** MIME types for the downloads. */
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
