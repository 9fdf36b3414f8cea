import { describe, expect, it } from 'vitest';
import { fitWithin } from './resize';

describe('fitWithin', () => {
  it('shrinks a 4000×3000 phone photo to 1600×1200, keeping its shape', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3000, 4000)).toEqual({ width: 1200, height: 1600 });
  });
  it('leaves a small image alone', () => {
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
  });
});
