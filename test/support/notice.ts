/** Registrations put at a step by the system actor (who bears no duty), and a public comment sent as a resident's browser does. */
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Challenge } from 'altcha-lib';
import { SYSTEM_ACTOR } from '../../src/app/actor';
import { actOnRegistration } from '../../src/app/cycle/act';
import { registerArea } from '../../src/app/cycle/register';
import { saveScorecard } from '../../src/app/cycle/scorecard';
import { findBuiltinSet } from '../../src/core/criteria/builtin/index';
import { passingScorecard } from '../../src/demo/history';
import type { Db } from '../../src/db/client';
import { units } from '../../src/db/schema';
import { solvedPayload } from './captcha';

export const unitIdOf = async (db: Db, code: string) => (await db.select().from(units).where(eq(units.code, code)))[0]!.id;

/** A Lai Châu 2026 registration of the area, taken by the system actor to the step. */
export async function registrationAt(db: Db, code: string, step: 'self-assessed' | 'board-proposed' | 'council-recommended'): Promise<number> {
  const set = findBuiltinSet('laichau-tqpttd')!;
  const values = Object.fromEntries(Object.entries(passingScorecard(set)).map(([c, value]) => [c, { value }]));
  const sys = SYSTEM_ACTOR;
  const { id } = await registerArea(db, sys, {
    programCode: 'laichau-tqpttd',
    unitId: await unitIdOf(db, code),
    year: 2026,
    titleCode: 'tqpttd',
    selfManagementContents: [],
  });
  await saveScorecard(db, sys, id, { stage: 'self', values });
  await actOnRegistration(db, sys, id, 'submit');
  if (step === 'self-assessed') return id;
  await saveScorecard(db, sys, id, { stage: 'board', values });
  await actOnRegistration(db, sys, id, 'propose');
  if (step === 'board-proposed') return id;
  await actOnRegistration(db, sys, id, 'recommend');
  return id;
}

/** A fresh captcha solved, as the widget leaves it in the form field "altcha". */
export async function solvedCaptcha(app: FastifyInstance): Promise<string> {
  const res = await app.inject({ method: 'GET', url: '/niem-yet/altcha/challenge' });
  return solvedPayload(res.json() as Challenge);
}

/** Posts the public comment form with no session, from an address. */
export async function postComment(
  app: FastifyInstance,
  noticeId: number,
  fields: Record<string, string | number>,
  options: { ip?: string; altcha?: string | null } = {},
) {
  const altcha = options.altcha === undefined ? await solvedCaptcha(app) : options.altcha;
  const form = new URLSearchParams(Object.entries({ ...fields, ...(altcha === null ? {} : { altcha }) }).map(([k, v]) => [k, String(v)]));
  return app.inject({
    method: 'POST',
    url: `/niem-yet/${noticeId}/y-kien`,
    remoteAddress: options.ip ?? '203.0.113.7',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: form.toString(),
  });
}
