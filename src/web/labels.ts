/**
 * Labels of codes shared by several screens: Vietnamese from the core's own
 * tables, English beside them. The shell sets the language on every render,
 * so a switch re-labels every screen below it.
 */
import { STEP_LABELS, type Step } from '../core/cycle/workflow';
import { STATUS_LABELS, type RecognitionStatus } from '../core/cycle/status';
import { ROLE_LABELS, type Role } from '../core/users/roles';
import type { Lang } from './i18n/index';

const STEP_EN: Record<Step, string> = {
  registered: 'Registered',
  'self-assessed': 'Self-assessed',
  'board-proposed': 'Proposed by the board',
  'board-rejected': 'Not proposed by the board',
  'council-recommended': 'Recommended by the council',
  'council-not-recommended': 'Not recommended by the council',
  recognized: 'Recognised',
};
const STATUS_EN: Record<RecognitionStatus, string> = { 'lan-dau': 'First time', 'giu-vung': 'Held', 'cong-nhan-lai': 'Recognised again' };
const ROLE_EN: Record<Role, string> = {
  admin: 'System administrator',
  officer: 'Programme officer',
  'area-head': 'Area head',
  'board-member': 'Appraisal board member',
  'council-member': 'Council member',
  leader: 'Leader (read only)',
};

let lang: Lang = 'vi';
export const setLabelLanguage = (next: Lang) => {
  lang = next;
};

export const stepLabel = (s: string | null) => {
  if (!s) return lang === 'en' ? 'Not registered' : 'Chưa đăng ký';
  return (lang === 'en' ? STEP_EN : STEP_LABELS)[s as Step] ?? s;
};
export const statusLabel = (s: string) => (lang === 'en' ? STATUS_EN : STATUS_LABELS)[s as RecognitionStatus] ?? s;
export const roleLabel = (r: string) => (lang === 'en' ? ROLE_EN : ROLE_LABELS)[r as Role] ?? r;
export const decisionStatusLabel = (s: string) => (s === 'issued' ? (lang === 'en' ? 'Issued' : 'Đã ban hành') : lang === 'en' ? 'Draft' : 'Dự thảo');
