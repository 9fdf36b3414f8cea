/** Labels of codes shared by several screens, from the core's own tables. */
import { STEP_LABELS, type Step } from '../core/cycle/workflow';
import { STATUS_LABELS, type RecognitionStatus } from '../core/cycle/status';

export const stepLabel = (s: string | null) => (s ? (STEP_LABELS[s as Step] ?? s) : 'Chưa đăng ký');
export const statusLabel = (s: string) => STATUS_LABELS[s as RecognitionStatus] ?? s;
