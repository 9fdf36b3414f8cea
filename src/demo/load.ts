/**
 * The demo: thành phố Lai Châu with its own programme and the titles it leans
 * on (./laichau.ts), huyện Bảo Lâm's two-title programme with the history its
 * report counts (./baolam.ts), the base salary the law's reward coefficients
 * apply to, and demo accounts. Loaded in one transaction on a first embedded start.
 */
import { hash } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import type { Db, Queryable } from '../db/client';
import { baseSalaries, criteriaSets, programs, unitEvents, unitLineage, userRoles, users } from '../db/schema';
import { builtinSets } from '../core/criteria/builtin/index';
import { insertBaoLamUnits, loadBaoLam } from './baolam';
import { loadLaiChau } from './laichau';
import { LAICHAU_COMMUNES, SPLIT_2022, STREETS, unitCode } from './laichau-units';
import { insertUnits, type InsertedUnit } from './units';
import { DEMO_PASSWORD, DEMO_USERS } from './users';

/** Household figures on the unit register are illustrative: a tổ dân phố of 80–160 households, a bản of 60–120. */
const households = (i: number, kind: string) => (kind === 'ban' ? 60 + ((i * 37) % 60) : 80 + ((i * 53) % 80));

/**
 * Mức lương cơ sở: 1.800.000 đ from 01/07/2023 (Nghị định 24/2023/NĐ-CP) and 2.340.000 đ from
 * 01/07/2024 (Nghị định 73/2024/NĐ-CP). A system setting an administrator keeps up to date.
 */
const BASE_SALARIES = [
  { validFrom: '2023-07-01', amount: 1_800_000, legalBasis: 'Nghị định số 24/2023/NĐ-CP' },
  { validFrom: '2024-07-01', amount: 2_340_000, legalBasis: 'Nghị định số 73/2024/NĐ-CP' },
];

export async function loadDemo(db: Db): Promise<void> {
  const passwordHash = await hash(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const sets = await tx
      .insert(criteriaSets)
      .values(builtinSets.map((s) => ({ code: s.code, version: s.version, name: s.name, definition: s })))
      .returning();
    const setId = (code: string) => {
      const found = sets.find((s) => s.code === code);
      if (!found) throw new Error(`Dữ liệu mẫu: không có bộ tiêu chí ${code}`);
      return found.id;
    };
    await tx.insert(baseSalaries).values(BASE_SALARIES);
    const byCode = new Map<string, InsertedUnit>();
    const remember = (list: InsertedUnit[]) => {
      for (const u of list) byCode.set(u.code, u);
      return list;
    };

    const [laichau] = remember(
      await insertUnits(tx, null, [{ code: 'LC', name: 'Tỉnh Lai Châu', kind: 'tinh', attributes: [{ code: 'mien-nui' }, { code: 'bien-gioi' }] }]),
    );
    const [city] = remember(await insertUnits(tx, laichau!, [{ code: 'LC-TP', name: 'Thành phố Lai Châu', kind: 'thanh-pho' }]));
    const communes = remember(
      await insertUnits(
        tx,
        city!,
        LAICHAU_COMMUNES.map((c) => ({ code: unitCode(c.key), name: c.name, kind: c.kind })),
      ),
    );
    for (const [ci, c] of LAICHAU_COMMUNES.entries()) {
      remember(
        await insertUnits(
          tx,
          communes[ci]!,
          c.areas.map((a, i) => ({
            code: unitCode(c.key, a.key),
            name: a.name,
            kind: a.kind,
            validFrom: a.validFrom,
            households: households(i + ci, a.kind),
            poorHouseholds: 0,
          })),
        ),
      );
      const streets = STREETS[c.key];
      if (streets)
        remember(
          await insertUnits(
            tx,
            communes[ci]!,
            Array.from({ length: streets.count }, (_, i) => ({
              code: `${unitCode(c.key)}-TP${String(i + 1).padStart(2, '0')}`,
              name: `Tuyến phố số ${i + 1}`,
              kind: 'tuyen-pho',
            })),
          ),
        );
    }
    await recordSplit(tx, byCode);

    const [lamdong] = remember(await insertUnits(tx, null, [{ code: 'LD', name: 'Tỉnh Lâm Đồng', kind: 'tinh', attributes: [{ code: 'mien-nui' }] }]));
    const [baolam] = remember(await insertUnits(tx, lamdong!, [{ code: 'LD-BL', name: 'Huyện Bảo Lâm', kind: 'huyen' }]));
    const villages = await insertBaoLamUnits(tx, baolam!);
    remember(villages);

    const userIds = await insertUsers(tx, byCode, passwordHash);
    await loadLaiChau(tx, byCode, setId, userIds.get('thanhpho')!);
    await loadBaoLam(tx, baolam!, villages, setId('vidu-diem'), userIds.get('baolam')!);
  });
}

async function recordSplit(tx: Queryable, byCode: Map<string, InsertedUnit>) {
  const [event] = await tx
    .insert(unitEvents)
    .values({
      kind: 'split',
      effectiveDate: SPLIT_2022.date,
      legalBasis: SPLIT_2022.legalBasis,
      note: 'Chia tách tổ dân phố số 22 và 23 thành các tổ dân phố số 22, 23, 27, 28',
    })
    .returning();
  const code = (area: string) => byCode.get(unitCode('DONGPHONG', area))!.id;
  await tx
    .insert(unitLineage)
    .values(SPLIT_2022.mapping.flatMap(([from, tos]) => tos.map((to) => ({ eventId: event!.id, fromUnitId: code(from), toUnitId: code(to) }))));
}

async function insertUsers(tx: Queryable, byCode: Map<string, InsertedUnit>, passwordHash: string) {
  const ids = new Map<string, number>();
  for (const u of DEMO_USERS) {
    const home = u.homeUnit ? byCode.get(u.homeUnit)!.id : null;
    const [row] = await tx.insert(users).values({ username: u.username, displayName: u.displayName, passwordHash, homeUnitId: home }).returning();
    await tx.insert(userRoles).values({ userId: row!.id, role: u.role, unitId: byCode.get(u.unit)!.id });
    ids.set(u.username, row!.id);
  }
  return ids;
}

/** True when the demo's programme exists (used by tests and the start-up message). */
export async function demoLoaded(db: Queryable): Promise<boolean> {
  const rows = await db.select({ id: programs.id }).from(programs).where(eq(programs.code, 'laichau-tqpttd'));
  return rows.length > 0;
}
