import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { vi } from '../i18n/vi';
import { firstLine, importSummary, stepLabel } from './importText';

describe('import summary', () => {
  it('names what changed, Vietnamese numbers, zero counts left out', () => {
    expect(importSummary('units', { rows: 72, created: 5, updated: 2 }, vi)).toBe('Đã nhập 72 dòng: 5 đơn vị mới, 2 đơn vị cập nhật.');
    expect(importSummary('scorecards', { rows: 1, registrationsCreated: 1, registrationsUpdated: 0, valuesWritten: 42, verdicts: 1, submitted: 1 }, vi)).toBe(
      'Đã nhập 1 dòng: 1 hồ sơ đăng ký mới, 42 ô tiêu chí được ghi, 1 kết quả đánh giá được tính, 1 hồ sơ chuyển sang "Đã tự đánh giá".',
    );
    expect(importSummary('history', { rows: 1200, inserted: 1200, recomputed: 0 }, vi)).toBe('Đã nhập 1.200 dòng: 1.200 lượt công nhận mới.');
    expect(importSummary('units', { rows: 1, created: 1, updated: 0 }, en)).toBe('Imported 1 row: 1 new unit.');
  });
  it('says plainly when nothing changed, and when the file was empty', () => {
    expect(importSummary('history', { rows: 3, inserted: 0, recomputed: 0 }, vi)).toBe(
      'Không có gì thay đổi: dữ liệu trong tệp (3 dòng) đã có trong hệ thống.',
    );
    expect(importSummary('units', { rows: 0, created: 0, updated: 0 }, vi)).toBe(vi.importEmpty);
  });
});

describe('import progress', () => {
  it('labels the upload and each of the server steps', () => {
    expect(stepLabel({ phase: 'upload', done: 45, total: 100 }, vi)).toBe('Đang tải tệp lên… 45%');
    expect(stepLabel({ phase: 'read', done: 0, total: 1 }, vi)).toBe('Đọc tệp');
    expect(stepLabel({ phase: 'check', done: 1200, total: 5000 }, vi)).toBe('Kiểm tra 1.200/5.000 dòng');
  });
  it('titles a refusal with its first line', () => {
    expect(firstLine('Tệp có 3 lỗi, chưa ghi gì vào hệ thống:\nTrang "a", dòng 2: …')).toBe('Tệp có 3 lỗi, chưa ghi gì vào hệ thống');
  });
});
