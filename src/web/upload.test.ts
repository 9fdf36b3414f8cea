import { describe, expect, it } from 'vitest';
import { takeLines } from './upload';

describe('takeLines', () => {
  it('gives the complete lines and keeps a partial last line for the next read', () => {
    const first = takeLines('{"a":1}\n{"b":', 0);
    expect(first).toEqual({ lines: ['{"a":1}'], next: 8 });
    const second = takeLines('{"a":1}\n{"b":2}\n{"c":3}\n', first.next);
    expect(second.lines).toEqual(['{"b":2}', '{"c":3}']);
    expect(takeLines('{"a":1}\n{"b":2}\n{"c":3}\n', second.next).lines).toEqual([]);
  });
  it('waits when no line is complete yet', () => {
    expect(takeLines('{"type":"pro', 0)).toEqual({ lines: [], next: 0 });
  });
});
