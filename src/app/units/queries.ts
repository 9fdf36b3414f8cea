/**
 * Reading units within the caller's scope: search that ignores case and
 * diacritics, one unit with its ancestors, children, reorganisation history.
 */
import { and, asc, count, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client';
import { unitEvents, unitLineage, units } from '../../db/schema';
import { fold } from '../../core/text/normalize';
import { isAdmin, type Actor } from '../actor';
import { scopeKey, unitCondition, unitFor } from '../policy/loaders';
import { rememberFigures } from '../reports/memo';
import { presentUnit, presentUnitBrief } from './presenters';

const LIKE_SPECIALS = /[\\%_]/g;

/** One condition per folded word: each must appear in the unit's folded name ("to dan pho so 5" finds "Tổ dân phố số 5"). */
export const nameContainsAll = (words: string[]) => words.map((w) => sql`${units.nameFolded} LIKE ${`%${w.replace(LIKE_SPECIALS, (c) => `\\${c}`)}%`}`);

/**
 * Every word of the query must appear in the folded name: "to dan pho so 5"
 * finds "Tổ dân phố số 5". Remembered under the figures revision (every change
 * to units moves it), keyed by the words and by all the answer reads of the
 * caller: their scope, and for the empty search the units of their grants.
 */
export async function searchUnits(db: Queryable, actor: Actor, query: string | undefined, limit = 50, revision?: number | null) {
  const words = fold(query ?? '')
    .split(' ')
    .filter(Boolean);
  const key = words.length
    ? ['units', scopeKey(actor), words, limit]
    : ['unit-roots', isAdmin(actor) ? '*' : [...new Set(actor.grants.map((g) => g.unitId))].sort((a, b) => a - b)];
  return rememberFigures(db, JSON.stringify(key), () => (words.length ? findUnits(db, actor, words, limit) : scopeRoots(db, actor)), revision);
}

async function findUnits(db: Queryable, actor: Actor, words: string[], limit: number) {
  const scope = unitCondition(actor);
  const conditions = nameContainsAll(words);
  const parent = alias(units, 'parent');
  const rows = await db
    .select({ unit: units, parentName: parent.name })
    .from(units)
    .leftJoin(parent, eq(parent.id, units.parentId))
    .where(and(scope, ...conditions))
    // Open units first: a closed one is still found (its history), but is rarely what is meant.
    .orderBy(sql`${units.validTo} IS NOT NULL`, asc(units.depth), asc(units.nameFolded))
    .limit(limit);
  return rows.map((r) => presentUnitBrief(r.unit, r.parentName));
}

/** The top of what the caller may see: the units of their grants (all roots for an admin). */
async function scopeRoots(db: Queryable, actor: Actor) {
  const rows = isAdmin(actor)
    ? await db.select().from(units).where(isNull(units.parentId)).orderBy(asc(units.name))
    : await db
        .select()
        .from(units)
        .where(
          inArray(
            units.id,
            actor.grants.map((g) => g.unitId),
          ),
        );
  return rows.map((u) => presentUnitBrief(u));
}

export async function getUnit(db: Queryable, actor: Actor, unitId: number) {
  const unit = await unitFor(db, actor, unitId);
  const ancestorIds = unit.path
    .split('/')
    .filter(Boolean)
    .map(Number)
    .filter((id) => id !== unit.id);
  const ancestors = ancestorIds.length ? await db.select().from(units).where(inArray(units.id, ancestorIds)) : [];
  ancestors.sort((a, b) => a.depth - b.depth);
  return { ...presentUnit(unit), ancestors: ancestors.map((a) => ({ id: a.id, name: a.name, kind: a.kind })) };
}

export async function getChildren(db: Queryable, actor: Actor, unitId: number) {
  await unitFor(db, actor, unitId);
  const child = alias(units, 'child');
  const rows = await db
    .select({ id: units.id, name: units.name, kind: units.kind, parentId: units.parentId, childCount: count(child.id) })
    .from(units)
    .leftJoin(child, eq(child.parentId, units.id))
    .where(eq(units.parentId, unitId))
    .groupBy(units.id)
    .orderBy(asc(units.code));
  return rows.map((r) => ({ ...r, childCount: Number(r.childCount) }));
}

/** Reorganisation events that produced or consumed this unit. */
export async function getUnitHistory(db: Queryable, actor: Actor, unitId: number) {
  await unitFor(db, actor, unitId);
  const links = await db
    .select()
    .from(unitLineage)
    .where(or(eq(unitLineage.fromUnitId, unitId), eq(unitLineage.toUnitId, unitId)));
  const eventIds = [...new Set(links.map((l) => l.eventId))];
  if (!eventIds.length) return [];
  const events = await db.select().from(unitEvents).where(inArray(unitEvents.id, eventIds)).orderBy(asc(unitEvents.effectiveDate));
  const allLinks = await db.select().from(unitLineage).where(inArray(unitLineage.eventId, eventIds));
  const ids = [...new Set(allLinks.flatMap((l) => [l.fromUnitId, l.toUnitId]))];
  const names = new Map((await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids))).map((u) => [u.id, u.name]));
  const side = (eventId: number, key: 'fromUnitId' | 'toUnitId') =>
    [...new Set(allLinks.filter((l) => l.eventId === eventId).map((l) => l[key]))].map((id) => ({ id, name: names.get(id) ?? '' }));
  return events.map((e) => ({
    kind: e.kind,
    effectiveDate: e.effectiveDate,
    legalBasis: e.legalBasis,
    note: e.note,
    from: side(e.id, 'fromUnitId'),
    to: side(e.id, 'toUnitId'),
  }));
}
