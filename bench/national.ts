/**
 * National scale: 34 provinces, ~3,300 communes, 100,000 areas, five years
 * (2021–2025) of registrations, 41-criterion scorecards, verdicts and
 * recognitions — generated set-wise inside the database (generate_series),
 * deterministic, and kept between runs (PGlite in KDC_BENCH_DIR, PostgreSQL in
 * schema kdc_bench) so only the first run pays for it.
 *
 * BENCH report-national-year: the national figures for 2025 and the
 * per-province breakdown. BENCH xlsx-province: the yearly workbook of one
 * province with all its communes.
 */
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type Database, type Db } from '../src/db/client';
import { criteriaSets, programs, units } from '../src/db/schema';
import { findBuiltinSet } from '../src/core/criteria/builtin/index';
import { flattenCriteria } from '../src/core/criteria/walk';
import { programSummary, programSummaryByUnit } from '../src/app/reports/summary';
import { yearReportModel } from '../src/app/reports/files';
import { renderYearTables } from '../src/documents/index';

const PROVINCES = 34;
const COMMUNES_PER_PROVINCE = 97; // 3,298 communes
const AREAS = Number(process.env.KDC_BENCH_AREAS ?? 100_000);
const PROGRAM = 'bench-quoc-gia';

async function open(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) return openDatabase({ dataDir: process.env.KDC_BENCH_DIR ?? '/tmp/kdc-bench-pglite' });
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('CREATE SCHEMA IF NOT EXISTS kdc_bench');
  await admin.end();
  const u = new URL(url);
  u.searchParams.set('options', '-c search_path=kdc_bench');
  return openDatabase({ url: u.toString(), migrationsSchema: 'kdc_bench' });
}

async function generate(db: Db): Promise<void> {
  const set = findBuiltinSet('laichau-tqpttd')!;
  const codes = flattenCriteria(set).map(({ criterion }) => criterion.code);
  const started = Date.now();
  // One statement per execute: the extended protocol takes no multi-statement strings with parameters.
  const step = async (label: string, query: ReturnType<typeof sql>) => {
    const t = Date.now();
    for (const part of splitStatements(query)) await db.execute(part);
    process.stdout.write(`# ${label}: ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
  };
  const communes = PROVINCES * COMMUNES_PER_PROVINCE;
  // Ids are set explicitly by level so paths can be computed in SQL: root 1, provinces 10+p, communes 1000+c, areas 100000+a.
  await step(
    'units',
    sql`
    INSERT INTO units (id, code, name, name_folded, kind, parent_id, path, depth) VALUES (1, 'VN', 'Việt Nam', 'viet nam', 'quoc-gia', NULL, '/1/', 0);
    INSERT INTO units (id, code, name, name_folded, kind, parent_id, path, depth)
      SELECT 10 + p, 'P' || p, 'Tỉnh số ' || p, 'tinh so ' || p, 'tinh', 1, '/1/' || (10 + p) || '/', 1 FROM generate_series(1, ${PROVINCES}) p;
    INSERT INTO units (id, code, name, name_folded, kind, parent_id, path, depth)
      SELECT 1000 + c, 'C' || c, 'Xã số ' || c, 'xa so ' || c, CASE WHEN c % 4 = 0 THEN 'phuong' ELSE 'xa' END,
             10 + 1 + (c - 1) / ${COMMUNES_PER_PROVINCE}, '/1/' || (10 + 1 + (c - 1) / ${COMMUNES_PER_PROVINCE}) || '/' || (1000 + c) || '/', 2
      FROM generate_series(1, ${communes}) c;
    INSERT INTO units (id, code, name, name_folded, kind, parent_id, path, depth)
      SELECT 100000 + a, 'A' || a, 'Thôn số ' || a, 'thon so ' || a, CASE WHEN a % 3 = 0 THEN 'to-dan-pho' ELSE 'thon' END,
             1000 + 1 + (a - 1) % ${communes},
             '/1/' || (10 + 1 + ((a - 1) % ${communes}) / ${COMMUNES_PER_PROVINCE}) || '/' || (1000 + 1 + (a - 1) % ${communes}) || '/' || (100000 + a) || '/', 3
      FROM generate_series(1, ${AREAS}) a;
    SELECT setval(pg_get_serial_sequence('units', 'id'), (SELECT max(id) FROM units));`,
  );
  const [setRow] = await db.insert(criteriaSets).values({ code: set.code, version: set.version, name: set.name, definition: set }).returning();
  const [program] = await db.insert(programs).values({ code: PROGRAM, name: 'Phong trào thử tải toàn quốc', ownerUnitId: 1 }).returning();
  await step(
    'programme',
    sql`
    INSERT INTO program_years (program_id, year, criteria_set_id) SELECT ${program!.id}, y, ${setRow!.id} FROM generate_series(2021, 2025) y;
    INSERT INTO program_titles (program_id, code, name, rank, level_code, chain) VALUES (${program!.id}, 'tqpttd', 'Khu dân cư tự quản, phát triển toàn diện', 1, 'tqpttd', '{}');
    INSERT INTO program_targets (program_id, scope, year_from, year_to, target) VALUES (${program!.id}, 'year', 2025, 2025, 40000), (${program!.id}, 'period', 2021, 2025, 35000);`,
  );
  // A deterministic pseudo-random number in [0, 100) from integers, the same on PGlite and PostgreSQL.
  const rnd = (a: ReturnType<typeof sql>, b: ReturnType<typeof sql>) => sql`(abs(hashtext(${a}::text || '-' || ${b}::text)) % 100)`;
  await step(
    'registrations',
    sql`
    INSERT INTO registrations (program_id, year, unit_id, title_code, status, locked)
      SELECT ${program!.id}, y, u.id, 'tqpttd', CASE WHEN ${rnd(sql`u.id`, sql`y`)} < 45 THEN 'recognized' ELSE 'board-rejected' END, ${rnd(sql`u.id`, sql`y`)} < 45
      FROM units u CROSS JOIN generate_series(2021, 2025) y
      WHERE u.depth = 3 AND ${rnd(sql`y`, sql`u.id`)} < 60;`,
  );
  if (process.env.KDC_BENCH_SCORECARDS !== '0') {
    await step(
      'scorecards (41 criteria per registration)',
      sql`
      INSERT INTO scorecard_values (registration_id, criterion_code, self_value, board_value)
        SELECT r.id, c.code, to_jsonb(r.status = 'recognized' OR ${rnd(sql`r.id`, sql`c.code`)} < 85), to_jsonb(r.status = 'recognized' OR ${rnd(sql`r.id`, sql`c.code`)} < 80)
        FROM registrations r CROSS JOIN unnest(${sql.raw(`ARRAY[${codes.map((c) => `'${c}'`).join(',')}]`)}::text[]) AS c(code);`,
    );
  }
  await step(
    'verdicts',
    sql`
    INSERT INTO verdicts (registration_id, stage, criteria_set_id, recognized, level_code, failed_criteria, result)
      SELECT r.id, 'board', ${setRow!.id}, r.status = 'recognized', CASE WHEN r.status = 'recognized' THEN 'tqpttd' END,
             CASE WHEN r.status = 'recognized' THEN '[]'::jsonb ELSE jsonb_build_array('2.' || (1 + r.id % 8), '5.2') END, '{}'::jsonb
      FROM registrations r;`,
  );
  await step(
    'recognitions with status',
    sql`
    INSERT INTO recognitions (program_id, year, unit_id, title_code, registration_id, status, reward_amount, source)
      SELECT program_id, year, unit_id, 'tqpttd', id,
             CASE WHEN lag(year) OVER w = year - 1 THEN 'giu-vung' WHEN lag(year) OVER w IS NOT NULL THEN 'cong-nhan-lai' ELSE 'lan-dau' END,
             0, 'decision'
      FROM registrations WHERE status = 'recognized'
      WINDOW w AS (PARTITION BY unit_id ORDER BY year);
    ANALYZE;`,
  );
  process.stdout.write(`# generated ${AREAS} areas in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}

/** Splits a sql`` template at top-level semicolons that end a chunk, keeping parameters with their statement. */
function splitStatements(query: ReturnType<typeof sql>): Array<ReturnType<typeof sql>> {
  const statements: Array<ReturnType<typeof sql>> = [];
  let current = sql``;
  for (const chunk of query.queryChunks) {
    const text = (chunk as { value?: string[] }).value;
    if (Array.isArray(text) && text.join('').includes(';')) {
      const pieces = text.join('').split(';');
      pieces.forEach((piece, i) => {
        current.append(sql.raw(piece));
        if (i < pieces.length - 1) {
          statements.push(current);
          current = sql``;
        }
      });
    } else {
      current.append(sql`${chunk}`);
    }
  }
  statements.push(current);
  return statements.filter((q) =>
    q.queryChunks.some((c) => {
      const v = (c as { value?: string[] }).value;
      return !Array.isArray(v) || v.join('').trim();
    }),
  );
}

async function median(run: () => Promise<unknown>, times = 3): Promise<number> {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await run();
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}

export async function benchNational(): Promise<string[]> {
  const database = await open();
  try {
    const { db } = database;
    const [existing] = await db.select().from(programs).where(eq(programs.code, PROGRAM));
    if (!existing) await generate(db);
    const national = await median(async () => {
      await programSummary(db, { programCode: PROGRAM, year: 2025, unitId: 1 });
      await programSummaryByUnit(db, { programCode: PROGRAM, year: 2025, unitId: 1 });
    });
    const [province] = await db.select().from(units).where(eq(units.code, 'P1'));
    const xlsx = await median(async () => renderYearTables(await yearReportModel(db, { programCode: PROGRAM, year: 2025, unitId: province!.id })));
    const summary = await programSummary(db, { programCode: PROGRAM, year: 2025, unitId: 1 });
    return [
      `# database: ${database.kind}; ${summary.areas} areas, ${summary.registered} registered, ${summary.recognized} recognised in 2025`,
      `BENCH report-national-year ${national.toFixed(0)} ms`,
      `BENCH xlsx-province ${xlsx.toFixed(0)} ms`,
    ];
  } finally {
    await database.close();
  }
}
