/**
 * One loader per resource: it fetches the row and applies the policy
 * (./index.ts) for the action the caller means to take. Not there, or not
 * readable by the caller: 404 in the same words (its existence is not told).
 * Readable but not for this action: 403 with the policy's reason.
 */
import { eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client';
import { decisions, evidenceFiles, programs, registrations, units, userRoles, users } from '../../db/schema';
import { isAdmin, type Actor } from '../actor';
import { AppError, notFound } from '../errors';
import { findProgram } from '../programs/find';
import { rememberFigures } from '../reports/memo';
import { requireUnit, type UnitRow } from '../units/find';
import { dutiesOf, sameAssessorAllowed } from './duties';
import { CAPABILITIES, decide, dutyOf, mayEver, type RULES, type Action, type Capability, type Resource } from './index';

type ActionOn<K extends Resource['kind']> = { [A in Action]: (typeof RULES)[A]['resource'] extends K ? A : never }[Action];

/** Throws the policy's refusal: `what` names the thing in a 404 ("đơn vị", "hồ sơ đăng ký"), `message` overrides the 403's words. */
export function authorize<A extends Action>(actor: Actor, action: A, resource: Parameters<typeof decide<A>>[2], what: string, message?: string): void {
  const verdict = decide(actor, action, resource);
  if (verdict.ok) return;
  if (verdict.code === 'not-found') throw notFound(what);
  throw new AppError('forbidden', message ?? verdict.message);
}

export { mayEver } from './index';

/** The gate before anything is read (a file, a body): 403 in one set of words unless the caller holds a role that takes the action somewhere. */
export function requireRole(actor: Actor, action: Action): void {
  if (!mayEver(actor, action)) throw new AppError('forbidden', 'Vai trò của bạn không được thực hiện thao tác này');
}

const owner = alias(units, 'owner');

const validId = (id: number) => Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647;

export type { UnitRow };

/** The unit, if the caller may take the action on it (default: read). */
export async function unitFor(db: Queryable, actor: Actor, unitId: number, action: ActionOn<'unit'> = 'unit.read', message?: string): Promise<UnitRow> {
  const unit = await requireUnit(db, unitId);
  authorize(actor, action, { kind: 'unit', path: unit.path }, 'đơn vị', message);
  return unit;
}

/** The programme by code, if the caller may take the action on it (default: read), with its owner unit's path. */
export async function programFor(db: Queryable, actor: Actor, code: string, action: ActionOn<'program'> = 'program.read', message?: string) {
  const program = await findProgram(db, code);
  authorize(actor, action, { kind: 'program', ownerPath: program.ownerPath }, `phong trào "${code}"`, message);
  return program;
}

/**
 * `programFor` on the read routes served from remembered figures: the
 * programme row itself remembered under the figures revision (every change to
 * programmes moves it), the policy asked on every request all the same.
 */
export async function programForFigures(db: Queryable, actor: Actor, code: string, revision: number | null) {
  const program = await rememberFigures(db, JSON.stringify(['program', code]), () => findProgram(db, code), revision);
  authorize(actor, 'program.read', { kind: 'program', ownerPath: program.ownerPath }, `phong trào "${code}"`);
  return program;
}

/**
 * The registration with its area, the area's parent and the programme, if
 * the caller may take the action. For a duty (self-assess, appraise,
 * propose), what the caller already did on it is read first (./duties.ts).
 */
export async function registrationFor(db: Queryable, actor: Actor, id: number, action: ActionOn<'registration'> = 'registration.read') {
  const [row] = validId(id)
    ? await db
        .select({ registration: registrations, unit: units, program: programs, ownerPath: owner.path })
        .from(registrations)
        .innerJoin(units, eq(units.id, registrations.unitId))
        .innerJoin(programs, eq(programs.id, registrations.programId))
        .innerJoin(owner, eq(owner.id, programs.ownerUnitId))
        .where(eq(registrations.id, id))
    : [];
  if (!row) throw notFound('hồ sơ đăng ký');
  const duty = dutyOf(action);
  const callerDuties = duty && actor.userId !== null ? ((await dutiesOf(db, actor.userId, [id])).get(id) ?? new Set()) : undefined;
  authorize(
    actor,
    action,
    {
      kind: 'registration',
      path: row.unit.path,
      programOwnerPath: row.ownerPath,
      callerDuties,
      sameAssessorAllowed: sameAssessorAllowed(row.program),
    },
    'hồ sơ đăng ký',
  );
  const [parent] = row.unit.parentId ? await db.select().from(units).where(eq(units.id, row.unit.parentId)) : [];
  return { registration: row.registration, unit: row.unit, parent, program: row.program, ownerPath: row.ownerPath };
}

/** The steps a registration's screen offers, by the name the web app uses. */
export const REGISTRATION_STEPS = {
  selfAssess: 'registration.self-assess',
  appraise: 'registration.appraise',
  propose: 'registration.propose',
  return: 'registration.return',
  review: 'registration.review',
  uploadEvidence: 'registration.upload-evidence',
  recuse: 'registration.recuse',
} as const satisfies Record<string, ActionOn<'registration'>>;

export type RegistrationPermissions = Record<keyof typeof REGISTRATION_STEPS, { ok: boolean; reason: string | null }>;

/**
 * What the caller may do to a registration they have loaded, each step with
 * the policy's reason when not — the same answers the step itself will give,
 * duties included — so the web app shows the steps it may take and says why
 * one is closed (an officer who self-assessed sees the board's page read-only,
 * with the reason, instead of a form the server will refuse).
 */
export async function registrationPermissions(
  db: Queryable,
  actor: Actor,
  loaded: { registration: { id: number }; unit: { path: string }; program: { id: number; allowSameAssessor?: boolean }; ownerPath: string },
): Promise<RegistrationPermissions> {
  const id = loaded.registration.id;
  const callerDuties = actor.userId !== null ? ((await dutiesOf(db, actor.userId, [id])).get(id) ?? new Set()) : undefined;
  const resource = {
    kind: 'registration',
    path: loaded.unit.path,
    programOwnerPath: loaded.ownerPath,
    callerDuties,
    sameAssessorAllowed: sameAssessorAllowed(loaded.program),
  } as const;
  const out = {} as RegistrationPermissions;
  for (const [step, action] of Object.entries(REGISTRATION_STEPS) as Array<[keyof typeof REGISTRATION_STEPS, ActionOn<'registration'>]>) {
    const verdict = decide(actor, action, resource);
    out[step] = verdict.ok ? { ok: true, reason: null } : { ok: false, reason: verdict.message };
  }
  return out;
}

/** An evidence file, readable when its registration is; what the caller cannot read is not found. */
export async function evidenceFor(db: Queryable, actor: Actor, evidenceId: number) {
  const [file] = validId(evidenceId) ? await db.select().from(evidenceFiles).where(eq(evidenceFiles.id, evidenceId)) : [];
  if (!file) throw notFound('tệp minh chứng');
  await registrationFor(db, actor, file.registrationId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not-found') throw notFound('tệp minh chứng');
    throw error;
  });
  return file;
}

/**
 * A decision with its issuing unit's path, if the caller may take the action.
 * In a transaction with `lock`, the decision's row is held until it ends.
 */
export async function decisionFor(
  db: Queryable,
  actor: Actor,
  decisionId: number,
  action: ActionOn<'decision'> = 'decision.read',
  options: { lock?: boolean } = {},
) {
  const query = db
    .select({ d: decisions, path: units.path })
    .from(decisions)
    .innerJoin(units, eq(units.id, decisions.issuingUnitId))
    .where(eq(decisions.id, decisionId));
  const [row] = validId(decisionId) ? await (options.lock ? query.for('update', { of: decisions }) : query) : [];
  if (!row) throw notFound('quyết định');
  authorize(actor, action, { kind: 'decision', path: row.path }, 'quyết định');
  return { ...row.d, path: row.path };
}

/** Every grant of these accounts, with the unit's path and name. */
export async function grantsOf(db: Queryable, userIds: number[]) {
  if (!userIds.length) return [];
  return db
    .select({ userId: userRoles.userId, role: userRoles.role, unitId: userRoles.unitId, unitName: units.name, unitPath: units.path })
    .from(userRoles)
    .innerJoin(units, eq(units.id, userRoles.unitId))
    .where(inArray(userRoles.userId, userIds));
}

/** An account with its grants, if the caller may take the action on it. */
export async function accountFor(db: Queryable, actor: Actor, userId: number, action: ActionOn<'account'> = 'account.read') {
  const [user] = validId(userId) ? await db.select().from(users).where(eq(users.id, userId)) : [];
  const grants = user ? await grantsOf(db, [user.id]) : [];
  if (!user) throw notFound('người dùng');
  const admin = grants.some((g) => g.role === 'admin');
  authorize(actor, action, { kind: 'account', grants }, 'người dùng', admin ? 'Chỉ quản trị hệ thống mới quản lý được tài khoản quản trị' : undefined);
  return { user, grants };
}

/** Registrations of a programme year the caller may take the action on, among these ids (others are not found). */
export async function registrationsFor(db: Queryable, actor: Actor, ids: number[], action: ActionOn<'registration'>) {
  const rows = ids.length
    ? await db
        .select({ r: registrations, path: units.path, name: units.name })
        .from(registrations)
        .innerJoin(units, eq(units.id, registrations.unitId))
        .where(inArray(registrations.id, ids))
    : [];
  for (const id of ids) {
    const found = rows.find((x) => x.r.id === id);
    if (!found || !decide(actor, action, { kind: 'registration', path: found.path }).ok) throw new AppError('not-found', `Không tìm thấy hồ sơ đăng ký ${id}`);
  }
  return rows;
}

/** All that `unitCondition` reads of the actor, as text: two actors with the same key see the same units. */
export function scopeKey(actor: Actor, capability: Capability = 'read'): string {
  if (isAdmin(actor)) return '*';
  const roles: readonly string[] = CAPABILITIES[capability];
  return [...new Set(actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.unitPath))].sort().join(',');
}

/** A SQL condition limiting `units` rows to the subtrees where the caller may take the action (undefined: everywhere). */
export function unitCondition(actor: Actor, capability: Capability = 'read'): SQL | undefined {
  if (isAdmin(actor)) return undefined;
  const roles: readonly string[] = CAPABILITIES[capability];
  const paths = actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.unitPath);
  if (!paths.length) return sql`false`;
  return or(...paths.map((p) => sql`${units.path} LIKE ${`${p}%`}`));
}
