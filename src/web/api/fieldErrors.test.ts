import { describe, expect, it } from 'vitest';
import { ApiError, OFFLINE_MESSAGE } from './client';
import { formProblems } from './fieldErrors';

describe('formProblems', () => {
  it('puts each validation problem at the field it names', () => {
    const error = new ApiError('Lỗi dữ liệu gửi lên: landM2: phải là số nguyên; issuedOn: ngày phải có dạng YYYY-MM-DD', 400, 'validation', [
      'landM2: phải là số nguyên',
      'issuedOn: ngày phải có dạng YYYY-MM-DD',
    ]);
    expect(formProblems(error)).toEqual({ fields: { landM2: 'phải là số nguyên', issuedOn: 'ngày phải có dạng YYYY-MM-DD' }, other: null });
  });
  it('keeps a refusal that names no field, and a lost connection, as a message of the form', () => {
    expect(formProblems(new ApiError('Bạn không có quyền', 403, 'forbidden'))).toEqual({ fields: {}, other: 'Bạn không có quyền' });
    expect(formProblems(new ApiError(OFFLINE_MESSAGE, 0)).other).toBe(OFFLINE_MESSAGE);
  });
});
