/**
 * Whatever file arrives, every importer either writes it whole or refuses it
 * with a Vietnamese message and writes nothing; what it accepted once, it
 * accepts again without a change. The files are built from plausible and
 * hostile pieces: real and unknown headers, codes, paths and words, 10,000-
 * character cells, formulas, duplicated rows, merged cells, areas outside
 * the importer's scope; written as XLSX, as CSV in UTF-8 (with and without
 * BOM), UTF-16 and Windows-1258, then truncated or corrupted.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type Actor } from '../../src/app/actor';
import { AppError } from '../../src/app/errors';
import { importHistory } from '../../src/app/import/history';
import { importScorecards } from '../../src/app/import/scorecards';
import { importUnits } from '../../src/app/import/units';
import type { Database } from '../../src/db/client';
import { auditLog, recognitions, registrations, scorecardValues, units, verdicts } from '../../src/db/schema';
import { openTestDatabase } from '../support/db';

let database: Database;
let tanphong: Actor;
beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  const [ward] = await database.db
    .select()
    .from(units)
    .where((await import('drizzle-orm')).eq(units.code, 'LC-TP-TANPHONG'));
  tanphong = {
    userId: 3,
    username: 'tanphong',
    displayName: 'Cán bộ phường Tân Phong',
    homeUnitId: null,
    grants: [{ role: 'officer', unitId: ward!.id, unitPath: ward!.path }],
  };
});
afterAll(async () => {
  await database?.close();
});

const TABLES = { units, recognitions, registrations, scorecardValues, verdicts, auditLog };
async function counts() {
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(TABLES)) out[name] = Number((await database.db.select({ n: count() }).from(table))[0]!.n);
  return out;
}

const HOSTILE = fc.oneof(
  fc.constant('x'.repeat(10_000)),
  fc.constant('=SUM(A1:A9)'),
  fc.constant('#DIV/0!'),
  fc.constant('"; DROP TABLE units; --'),
  fc.constant('Tỉnh Lai Châu > Không Có'),
  fc.constant('\u0000'),
  fc.constant('1e308'),
  fc.constant('-0'),
  fc.string({ maxLength: 30 }),
);

const UNIT_REFS = [
  'LC-TP-TANPHONG-TDP05',
  'LC-TP-TANPHONG-TDP09',
  'LC-TP-DOANKET-TDP07',
  'Tỉnh Lai Châu > Thành phố Lai Châu > Phường Tân Phong > Tổ dân phố số 10',
  'LC-TP-TANPHONG',
  'LD-BL-LOCAN-THON1',
  '12',
  '',
];
const TANPHONG_AREAS = [5, 8, 9, 10, 13, 14, 15].map((n) => `LC-TP-TANPHONG-TDP${String(n).padStart(2, '0')}`);
const WORDS = ['đạt', 'Đạt', 'x', 'không đạt', 'KĐ', 'không áp dụng'];

/** Per kind: the columns a file must have, those it may have, cells that make sense in each, and anything else. */
const SHEETS = {
  units: {
    required: ['code', 'name', 'kind', 'parent'],
    optional: ['households', 'mountainous', 'population', 'ghi chú'],
    good: {
      code: fc.integer({ min: 1, max: 5000 }).map((n) => `FZ-${n}`),
      name: fc.integer({ min: 1, max: 99 }).map((n) => `Tổ dân phố Mới ${n}`),
      kind: fc.constantFrom('tổ dân phố', 'Thôn', 'ban'),
      parent: fc.constantFrom('LC-TP-TANPHONG', 'Tỉnh Lai Châu > Thành phố Lai Châu > Phường Tân Phong'),
      households: fc.constantFrom('120', '1.200', ''),
      mountainous: fc.constantFrom('có', 'không', ''),
      population: fc.constantFrom('450', ''),
    } as Record<string, fc.Arbitrary<string>>,
    junk: ['LC-TP-TANPHONG-TDP05', 'làng', 'LC-TP-DOANKET', '-4', 'FZ-1'],
  },
  history: {
    required: ['unit', 'year', 'title'],
    optional: ['name', 'ghi chú'],
    good: {
      unit: fc.constantFrom(...TANPHONG_AREAS),
      year: fc.integer({ min: 2010, max: 2020 }).map(String),
      title: fc.constantFrom('tqpttd', 'Tổ dân phố, bản tự quản, phát triển toàn diện'),
    } as Record<string, fc.Arbitrary<string>>,
    junk: [...UNIT_REFS, '1899', 'hai nghìn', 'kieu-mau'],
  },
  scorecards: {
    required: ['unit'],
    optional: ['title', 'name', '1.1', '1.2', '1,3', '5.2', '6.3.1', 'II.1', 'ii.2'],
    good: {
      unit: fc.constantFrom(...TANPHONG_AREAS),
      title: fc.constantFrom('tqpttd', ''),
      name: fc.constant('Tổ dân phố'),
      '1.1': fc.constantFrom(...WORDS),
      '1.2': fc.constantFrom(...WORDS),
      '1,3': fc.constantFrom('98,5%', '100', 'đạt'),
      '5.2': fc.constantFrom('0', '2', 'không áp dụng'),
      '6.3.1': fc.constantFrom('100', '99,5'),
      'II.1': fc.constantFrom('không', 'có'),
      'ii.2': fc.constantFrom('không', ''),
    } as Record<string, fc.Arbitrary<string>>,
    junk: [...UNIT_REFS, '9.9', 'tốt', 'có'],
  },
} as const;
type Kind = keyof typeof SHEETS;

/** Mostly well-formed files with a bad cell here and there; now and then a header that is wrong. */
const sheetOf = (kind: Kind) => {
  const spec = SHEETS[kind];
  const header = fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .subarray([...spec.optional])
        .chain((extra) => fc.shuffledSubarray([...spec.required, ...extra], { minLength: spec.required.length + extra.length })),
    },
    { weight: 1, arbitrary: fc.shuffledSubarray([...spec.required, ...spec.optional, '9.9', 'không-biết'], { minLength: 1 }) },
  );
  const value = (field: string) =>
    fc.oneof(
      { weight: 12, arbitrary: spec.good[field] ?? fc.constant('') },
      { weight: 1, arbitrary: fc.constantFrom(...spec.junk) },
      { weight: 1, arbitrary: HOSTILE },
    );
  return header.chain((h) =>
    fc
      .record({
        rows: fc.array(fc.tuple(...h.map(value)), { maxLength: 5 }),
        duplicate: fc.boolean(),
      })
      .map(({ rows, duplicate }) => [h, ...rows, ...(duplicate && rows[0] ? [rows[0]] : [])] as string[][]),
  );
};

const ENCODINGS = ['xlsx', 'utf8', 'utf8-bom', 'utf16', 'cp1258'] as const;
async function encode(rows: string[][], encoding: (typeof ENCODINGS)[number], merge: boolean): Promise<{ bytes: Buffer; name: string }> {
  if (encoding === 'xlsx') {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Dữ liệu');
    rows.forEach((r) => ws.addRow(r.map((c) => (c.startsWith('=') ? { formula: c.slice(1) } : c))));
    if (merge && rows.length > 2) ws.mergeCells(2, 1, 3, 1);
    return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), name: 'tep.xlsx' };
  }
  const text = rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n');
  const bytes =
    encoding === 'utf8'
      ? Buffer.from(text)
      : encoding === 'utf8-bom'
        ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])
        : encoding === 'utf16'
          ? Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')])
          : iconv.encode(text, 'windows-1258');
  return { bytes, name: 'tep.csv' };
}

/** Cut short, or a run of bytes overwritten: what a broken download or a bad USB stick delivers. */
const damage = fc.oneof(
  { weight: 6, arbitrary: fc.constant((b: Buffer) => b) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }).map((f) => (b: Buffer) => b.subarray(0, Math.floor(b.length * f))) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([f, junk]) => (b: Buffer) => {
      const copy = Buffer.from(b);
      copy.set(junk.subarray(0, Math.max(0, copy.length - Math.floor(copy.length * f))), Math.floor(copy.length * f));
      return copy;
    }),
  },
);

const run = (kind: Kind, actor: Actor, bytes: Buffer, name: string) =>
  kind === 'units'
    ? importUnits(database.db, actor, bytes, name)
    : kind === 'history'
      ? importHistory(database.db, actor, 'laichau-tqpttd', bytes, name)
      : importScorecards(database.db, actor, { programCode: 'laichau-tqpttd', year: 2026, stage: 'self' }, bytes, name);

const VIETNAMESE = /[ăâđêôơưạảãáàếềệểễóòọỏõốồộổỗớờợởỡúùụủũứừựửữíìịỉĩýỳỵỷỹ]/i;

describe.each(Object.keys(SHEETS) as Kind[])('importing %s', (kind) => {
  it('writes a file whole or not at all, explains every refusal in Vietnamese, and changes nothing the second time', async () => {
    let accepted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(sheetOf(kind), fc.constantFrom(...ENCODINGS), fc.boolean(), damage, fc.boolean(), async (rows, encoding, merge, hurt, scoped) => {
        const { bytes, name } = await encode(rows, encoding, merge);
        const file = hurt(bytes);
        const actor = scoped ? tanphong : SYSTEM_ACTOR;
        const before = await counts();
        const outcome = await run(kind, actor, file, name).then(
          () => 'ok' as const,
          (e: unknown) => e,
        );
        if (outcome === 'ok') {
          accepted++;
          const after = await counts();
          expect(
            await run(kind, actor, file, name).then(
              () => 'ok',
              (e: unknown) => e,
            ),
          ).toBe('ok');
          const again = await counts();
          // The second time nothing is written: not a row, not an audit entry.
          expect(again).toEqual(after);
        } else {
          refused++;
          expect(outcome).toBeInstanceOf(AppError);
          expect((outcome as AppError).message).toMatch(VIETNAMESE);
          expect((outcome as AppError).message).not.toMatch(/\bat \w+ \(|Error:|undefined|\[object/);
          expect(await counts()).toEqual(before);
        }
      }),
      { numRuns: 150 },
    );
    // The generators must reach both sides, or the property proves little.
    expect(accepted).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});
