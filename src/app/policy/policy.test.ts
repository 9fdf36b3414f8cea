/** The policy's table on its own: every action has a rule, the system actor, accounts, recusals and duties. */
import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type UserActor } from '../actor';
import { ACTIONS, can, decide, mayEver, RULES, type Resource } from './index';

const person = (role: UserActor['grants'][number]['role'], unitPath: string): UserActor => ({
  userId: 1,
  username: 'x',
  displayName: 'x',
  homeUnitId: null,
  grants: [{ role, unitId: 1, unitPath }],
});
const WARD = '/1/2/3/';
const AREA = '/1/2/3/9/';
const sample = (kind: Resource['kind']): Resource => {
  switch (kind) {
    case 'unit':
      return { kind, path: AREA };
    case 'registration':
      return { kind, path: AREA, programOwnerPath: '/1/2/' };
    case 'program':
      return { kind, ownerPath: '/1/2/' };
    case 'decision':
      return { kind, path: '/1/2/' };
    case 'account':
      return { kind, grants: [{ role: 'area-head', unitPath: AREA }] };
    case 'system':
      return { kind };
  }
};

describe('the policy', () => {
  it('answers every action for the system actor: yes, except what only a person does', () => {
    for (const action of ACTIONS) {
      const verdict = decide(SYSTEM_ACTOR, action, sample(RULES[action].resource) as never);
      expect(verdict.ok, action).toBe(action !== 'registration.recuse');
    }
  });

  it('refuses a resource of the wrong kind loudly', () => {
    expect(() => decide(SYSTEM_ACTOR, 'unit.read', { kind: 'program', ownerPath: '/' } as never)).toThrow('policy');
  });

  it('says not-found outside the subtree and forbidden inside it without the capacity', () => {
    const leader = person('leader', WARD);
    expect(decide(leader, 'registration.appraise', { kind: 'registration', path: '/1/2/4/' })).toMatchObject({ ok: false, code: 'not-found' });
    expect(decide(leader, 'registration.appraise', { kind: 'registration', path: AREA })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(can(leader, 'registration.read', { kind: 'registration', path: AREA })).toBe(true);
  });

  it('finding 18: neither the leader nor the area head stands aside; the board and the council do', () => {
    const r = { kind: 'registration', path: AREA } as const;
    expect(can(person('leader', WARD), 'registration.recuse', r)).toBe(false);
    expect(can(person('area-head', AREA), 'registration.recuse', r)).toBe(false);
    expect(can(person('board-member', WARD), 'registration.recuse', r)).toBe(true);
    expect(can(person('council-member', '/1/2/'), 'registration.recuse', r)).toBe(true);
    expect(mayEver(person('leader', WARD), 'registration.recuse')).toBe(false);
  });

  it('issue 14: residents’ comments are read and answered by the board and the council, notices opened by them', () => {
    const r = { kind: 'registration', path: AREA } as const;
    const ward = { kind: 'unit', path: WARD } as const;
    for (const [role, path, ok] of [
      ['leader', WARD, false],
      ['area-head', AREA, false],
      ['board-member', WARD, true],
      ['council-member', '/1/2/', true],
      ['officer', WARD, true],
    ] as const) {
      expect(can(person(role, path), 'registration.answer-comment', r), role).toBe(ok);
      expect(mayEver(person(role, path), 'registration.answer-comment'), role).toBe(ok);
      if (role !== 'area-head') expect(can(person(role, path), 'unit.open-notice', ward), role).toBe(ok);
    }
  });

  it('finding 19: each pair of duties is refused to one person unless the programme allows it', () => {
    const officer = person('officer', WARD);
    const r = (done: Array<'self-assess' | 'appraise' | 'propose'>, allowed = false) =>
      ({ kind: 'registration', path: AREA, callerDuties: new Set(done), sameAssessorAllowed: allowed }) as const;
    expect(can(officer, 'registration.appraise', r(['self-assess']))).toBe(false);
    expect(can(officer, 'registration.propose', r(['appraise']))).toBe(false);
    expect(can(officer, 'registration.propose', r(['self-assess']))).toBe(false);
    expect(can(officer, 'registration.self-assess', r(['appraise']))).toBe(false);
    expect(can(officer, 'registration.appraise', r(['appraise']))).toBe(true);
    expect(can(officer, 'registration.return', r(['self-assess', 'appraise']))).toBe(true);
    expect(can(officer, 'registration.appraise', r(['self-assess'], true))).toBe(true);
  });

  it('an account is managed from strictly above all its grants; administrators only by administrators', () => {
    const ward = person('officer', WARD);
    const account = (role: string, unitPath: string) => ({ kind: 'account', grants: [{ role, unitPath }] }) as const;
    expect(can(ward, 'account.manage', account('area-head', AREA))).toBe(true);
    expect(can(ward, 'account.manage', account('officer', WARD))).toBe(false);
    expect(decide(ward, 'account.manage', account('admin', AREA))).toMatchObject({ ok: false, code: 'not-found' });
    expect(can(person('admin', '/1/'), 'account.manage', account('admin', '/1/'))).toBe(true);
    expect(
      can(ward, 'account.manage', {
        kind: 'account',
        grants: [
          { role: 'area-head', unitPath: AREA },
          { role: 'officer', unitPath: '/1/2/' },
        ],
      }),
    ).toBe(false);
  });
});
