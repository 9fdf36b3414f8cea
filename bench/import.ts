/**
 * Imports at the size a province brings them, on a fresh in-memory PGlite
 * with the demo (PostgreSQL when DATABASE_URL is set, in a throwaway schema):
 *
 *   BENCH import-units-10k <ms> ms — 100 communes and 9,900 villages from XLSX
 *     (read, checked whole, written in one transaction);
 *   BENCH import-history-20k <ms> ms — 19,800 recognitions over two years, then
 *     the statuses of every touched area recomputed;
 *   BENCH import-scorecards-2k <ms> ms — 2,000 areas × 42 criterion columns
 *     (84,000 values), registrations created, verdicts computed, submitted;
 *   BENCH import-scorecards-2k-again <ms> ms — the same file a second time:
 *     everything compared, nothing written.
 *
 * Each is one run (an import is a transaction, not a loop), after one small
 * warm-up import; the time is the import's own, from the file's bytes (the
 * XLSX is built beforehand). Every row also leaves its audit entry.
 */
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { SYSTEM_ACTOR } from '../src/app/actor';
import { importHistory } from '../src/app/import/history';
import { importScorecards } from '../src/app/import/scorecards';
import { importUnits } from '../src/app/import/units';
import { findBuiltinSet } from '../src/core/criteria/builtin/index';
import { openDatabase, type Database } from '../src/db/client';
import { passingScorecard } from '../src/demo/history';
import { loadDemo } from '../src/demo/load';

const COMMUNES = 100;
const VILLAGES_PER_COMMUNE = 99;

async function xlsx(rows: Array<Array<string | number>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Dữ liệu');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function open(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) return { database: await openDatabase({}), drop: async () => undefined };
  const schema = `kdc_bench_import_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const withSchema = new URL(url);
  withSchema.searchParams.set('options', `-c search_path=${schema}`);
  return {
    database: await openDatabase({ url: withSchema.toString(), migrationsSchema: schema }),
    drop: async () => {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await run();
  return { ms: performance.now() - started, result };
}

export async function benchImport(): Promise<string[]> {
  const { database, drop } = await open();
  try {
    const { db } = database;
    await loadDemo(db);
    const villages: string[] = [];
    const unitRows: Array<Array<string | number>> = [['code', 'name', 'kind', 'parent', 'households']];
    for (let c = 1; c <= COMMUNES; c++) {
      const commune = `BX-${c}`;
      unitRows.push([commune, `Xã Thử ${c}`, 'xã', 'LC-TP', '']);
      for (let v = 1; v <= VILLAGES_PER_COMMUNE; v++) {
        villages.push(`${commune}-T${v}`);
        unitRows.push([`${commune}-T${v}`, `Thôn ${v}`, 'thôn', commune, 80 + ((c * v) % 120)]);
      }
    }
    await importUnits(db, SYSTEM_ACTOR, Buffer.from('code,name,kind,parent\nBX-W,Xã Khởi Động,xã,LC-TP\n'), 'warm.csv');
    const unitFile = await xlsx(unitRows);
    const units = await timed(() => importUnits(db, SYSTEM_ACTOR, unitFile, 'don-vi.xlsx'));

    const historyRows: Array<Array<string | number>> = [['unit', 'year', 'title']];
    for (const code of villages) for (const year of [2019, 2020]) historyRows.push([code, year, 'tqpttd']);
    const historyFile = await xlsx(historyRows);
    const history = await timed(() => importHistory(db, SYSTEM_ACTOR, 'laichau-tqpttd', historyFile, 'lich-su.xlsx'));

    const set = findBuiltinSet('laichau-tqpttd')!;
    const passing = passingScorecard(set);
    const codes = Object.keys(passing);
    const cardRows: Array<Array<string | number>> = [['unit', 'title', ...codes]];
    for (const code of villages.slice(0, 2000))
      cardRows.push([code, 'tqpttd', ...codes.map((c) => (passing[c] === true ? 'đạt' : passing[c] === false ? 'không' : String(passing[c])))]);
    const cards = await xlsx(cardRows);
    const input = { programCode: 'laichau-tqpttd', year: 2026, stage: 'self' as const };
    const scorecards = await timed(() => importScorecards(db, SYSTEM_ACTOR, input, cards, 'phieu.xlsx'));
    const again = await timed(() => importScorecards(db, SYSTEM_ACTOR, input, cards, 'phieu.xlsx'));

    return [
      `# database: ${database.kind}`,
      `BENCH import-units-10k ${units.ms.toFixed(0)} ms`,
      `# import-units-10k: ${unitRows.length - 1} rows, ${units.result.created} created`,
      `BENCH import-history-20k ${history.ms.toFixed(0)} ms`,
      `# import-history-20k: ${historyRows.length - 1} rows, ${history.result.inserted} inserted, ${history.result.recomputed} statuses recomputed`,
      `BENCH import-scorecards-2k ${scorecards.ms.toFixed(0)} ms`,
      `# import-scorecards-2k: ${scorecards.result.valuesWritten} values, ${scorecards.result.verdicts} verdicts, ${scorecards.result.submitted} submitted`,
      `BENCH import-scorecards-2k-again ${again.ms.toFixed(0)} ms`,
      `# import-scorecards-2k-again: ${again.result.valuesWritten} values written`,
    ];
  } finally {
    await database.close();
    await drop();
  }
}
