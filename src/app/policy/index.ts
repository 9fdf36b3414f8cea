/**
 * The one authorisation policy of KDC (issue 12): `can(actor, action,
 * resource)` answers every permission question, and nothing else in the code
 * decides access. Routes and use cases ask it through the loaders
 * (./loaders.ts), which fetch a resource and answer 404 when the caller may
 * not even read it (its existence is not told) and 403 when they may read it
 * but not do this to it.
 *
 * The rules, in one table (RULES below):
 * - A grant covers its unit and everything under it. Roles give capacities:
 *   every role reads; the area head, the officer self-assess; the board
 *   member, the officer appraise; the council member, the officer review;
 *   the officer decides and manages. An administrator does everything.
 * - The council recommends at the programme's own level (the city for Lai
 *   Châu), decisions and history imports are for whoever decides for the
 *   programme (its owner unit).
 * - Standing aside (recusal) is for whoever could appraise or review the
 *   area — not the read-only leader, not the area head (finding 18).
 * - One person does not self-assess, appraise and propose the same
 *   registration: each pair of these duties is refused to the same person
 *   unless the programme allows it (finding 19, ./duties.ts).
 * - An account is managed only from a scope strictly wider than all of its
 *   grants, and only an administrator manages (or sees) administrators.
 * - The command line is the system actor: it may do everything except what
 *   only a person does, and bears no duties.
 *
 * Pure (no database): the web app asks the same table which buttons to show.
 */
import { isAdmin, isSystem, type Actor } from '../actor';

import { CAPABILITIES, type Capability } from '../../core/users/roles';

// Which roles act in which capacity is pure data shared with the web app (src/core/users/roles.ts).
export { CAPABILITIES, type Capability };

/** A duty a person performs on a registration (./duties.ts): who did it is on the record. */
export type Duty = 'self-assess' | 'appraise' | 'propose';

/* ───────────── Resources: what a rule needs to know about the thing acted on ───────────── */

export interface UnitResource {
  kind: 'unit';
  path: string;
}
export interface RegistrationResource {
  kind: 'registration';
  /** The area's path. */
  path: string;
  /** The path of the programme's owner unit (where the council sits). */
  programOwnerPath?: string;
  /** Duties the caller has already performed on this registration (filled by the loader for duty actions). */
  callerDuties?: ReadonlySet<Duty>;
  /** The programme lets one person perform several duties (./duties.ts sameAssessorAllowed). */
  sameAssessorAllowed?: boolean;
}
export interface ProgramResource {
  kind: 'program';
  ownerPath: string;
}
export interface DecisionResource {
  kind: 'decision';
  /** The issuing unit's path. */ path: string;
}
export interface AccountResource {
  kind: 'account';
  grants: ReadonlyArray<{ role: string; unitPath: string }>;
}
/** What belongs to no unit: system-wide audit entries, the whole installation. */
export interface SystemResource {
  kind: 'system';
}

export type Resource = UnitResource | RegistrationResource | ProgramResource | DecisionResource | AccountResource | SystemResource;

/* ───────────── Actions ───────────── */

type Check<R extends Resource> = (actor: Actor, resource: R) => boolean;
interface Rule<R extends Resource> {
  resource: R['kind'];
  /** Roles that may take this action somewhere (the route's first gate, the app's buttons). */
  capability: Capability;
  /** Whether the caller may read the resource: when not, the answer is 404. */
  read: Check<R>;
  /** Whether the caller may take the action on a resource they can read: when not, 403 with `message`. */
  act: Check<R>;
  message: string;
  /** Only a person does this: the command line may not. */
  personOnly?: boolean;
}

/** Whether a grant of the actor in this capacity covers the path. */
export function covers(actor: Actor, path: string, capability: Capability = 'read'): boolean {
  if (isSystem(actor)) return true;
  const roles: readonly string[] = CAPABILITIES[capability];
  return actor.grants.some((g) => roles.includes(g.role) && (g.role === 'admin' || path.startsWith(g.unitPath)));
}

/** A programme is visible when its owner unit is inside, or above, one of the caller's subtrees. */
const programVisible = (actor: Actor, ownerPath: string) =>
  isAdmin(actor) || covers(actor, ownerPath) || actor.grants.some((g) => g.unitPath.startsWith(ownerPath));

/** An officer grant of the actor strictly above this unit path. */
const strictlyAbove = (actor: Actor, path: string) => actor.grants.some((a) => a.role === 'officer' && path.startsWith(a.unitPath) && path !== a.unitPath);

function managesAccount(actor: Actor, grants: AccountResource['grants']): boolean {
  if (isAdmin(actor)) return true;
  if (!grants.length || grants.some((g) => g.role === 'admin')) return false;
  return grants.every((g) => strictlyAbove(actor, g.unitPath));
}

function seesAccount(actor: Actor, grants: AccountResource['grants']): boolean {
  if (isAdmin(actor)) return true;
  return grants.length > 0 && !grants.some((g) => g.role === 'admin') && grants.every((g) => covers(actor, g.unitPath, 'manage'));
}

/** The duties that may not be joined in one person (finding 19). */
const EXCLUSIVE: Record<Duty, Duty[]> = {
  'self-assess': ['appraise', 'propose'],
  appraise: ['self-assess', 'propose'],
  propose: ['self-assess', 'appraise'],
};

/** Whether the caller's earlier duties on the registration allow this one. */
export function dutyAllowed(resource: RegistrationResource, duty: Duty): boolean {
  if (resource.sameAssessorAllowed || !resource.callerDuties) return true;
  return !EXCLUSIVE[duty].some((d) => resource.callerDuties!.has(d));
}

export const DUTY_REFUSAL: Record<Duty, string> = {
  'self-assess': 'Bạn đã thẩm định hoặc đề nghị hồ sơ này, nên không tự đánh giá được: mỗi bước do một người khác làm',
  appraise: 'Bạn đã tự đánh giá hoặc đề nghị hồ sơ này, nên không thẩm định được: mỗi bước do một người khác làm',
  propose: 'Bạn đã tự đánh giá hoặc thẩm định hồ sơ này, nên không đề nghị (hoặc không đề nghị) công nhận được: mỗi bước do một người khác làm',
};

const unitRule = (capability: Capability, message: string, extra?: Partial<Rule<UnitResource>>): Rule<UnitResource> => ({
  resource: 'unit',
  capability,
  read: (a, r) => covers(a, r.path),
  act: (a, r) => covers(a, r.path, capability),
  message,
  ...extra,
});

const registrationRule = (capability: Capability, message: string, duty?: Duty, extra?: Partial<Rule<RegistrationResource>>): Rule<RegistrationResource> => ({
  resource: 'registration',
  capability,
  read: (a, r) => covers(a, r.path),
  act: (a, r) => covers(a, r.path, capability) && (!duty || isSystem(a) || dutyAllowed(r, duty)),
  message,
  ...extra,
});

const programRule = (capability: Capability, message: string): Rule<ProgramResource> => ({
  resource: 'program',
  capability,
  read: (a, r) => programVisible(a, r.ownerPath),
  act: (a, r) => (capability === 'read' ? programVisible(a, r.ownerPath) : covers(a, r.ownerPath, capability)),
  message,
});

type AnyRule = { [K in Resource['kind']]: Rule<Extract<Resource, { kind: K }>> }[Resource['kind']];

const decisionRule = (capability: Capability, message: string): Rule<DecisionResource> => ({
  resource: 'decision',
  capability,
  read: (a, r) => covers(a, r.path),
  act: (a, r) => covers(a, r.path, capability),
  message,
});
const accountRule = (act: Check<AccountResource>, message: string): Rule<AccountResource> => ({
  resource: 'account',
  capability: 'manage',
  read: (a, r) => seesAccount(a, r.grants),
  act,
  message,
});

const NOT_YOURS = 'Bạn không có quyền thực hiện thao tác này với đơn vị này';

/**
 * Every action of KDC, with the resource it applies to. A route or a use
 * case names one of these; `test/app/policy.test.ts` checks the table and
 * `test/api/policy.test.ts` every route of the API for every demo role.
 */
export const RULES = {
  // Units and what hangs on them
  'unit.read': unitRule('read', 'Bạn không có quyền xem đơn vị này'),
  'unit.register': unitRule('selfAssess', NOT_YOURS),
  'unit.reorganize': unitRule('manage', 'Đơn vị nằm ngoài phạm vi quản lý của bạn'),
  'unit.records': unitRule('manage', NOT_YOURS),
  'unit.report': unitRule('read', 'Bạn không có quyền xem báo cáo của đơn vị này'),
  'unit.import-units': unitRule('manage', 'Đơn vị nằm ngoài phạm vi quản lý của bạn'),
  'unit.import-history': unitRule('manage', 'Đơn vị nằm ngoài phạm vi quản lý của bạn'),
  'unit.import-attributes': unitRule('manage', 'Đơn vị nằm ngoài phạm vi quản lý của bạn'),
  'unit.import-figures': unitRule('selfAssess', 'Đơn vị nằm ngoài phạm vi nhập số liệu của bạn'),
  'unit.import-self': unitRule('selfAssess', 'Đơn vị nằm ngoài phạm vi tự đánh giá của bạn'),
  'unit.import-board': unitRule('appraise', 'Đơn vị nằm ngoài phạm vi thẩm định của bạn'),
  'unit.create-account': unitRule('manage', NOT_YOURS),
  'unit.audit': unitRule('manage', 'Bạn không có quyền xem nhật ký của đơn vị này'),
  /** Opening the public notice (niêm yết công khai) of a commune's proposed areas: its board, or the council above it (issue 14). */
  'unit.open-notice': unitRule('read', 'Chỉ ban thẩm định hoặc hội đồng xét phụ trách đơn vị này mới mở niêm yết công khai', {
    act: (a, r) => covers(a, r.path, 'appraise') || covers(a, r.path, 'review'),
  }),

  // Registrations (the area's path)
  'registration.read': registrationRule('read', 'Bạn không có quyền xem hồ sơ này'),
  'registration.self-assess': registrationRule('selfAssess', 'Bạn không có quyền tự đánh giá hồ sơ này', 'self-assess'),
  'registration.appraise': registrationRule('appraise', 'Bạn không có quyền thẩm định hồ sơ này', 'appraise'),
  'registration.propose': registrationRule('appraise', 'Bạn không có quyền đề nghị công nhận hồ sơ này', 'propose'),
  'registration.return': registrationRule('appraise', 'Bạn không có quyền trả lại hồ sơ này'),
  'registration.review': registrationRule('review', 'Chỉ hội đồng xét của cấp phụ trách phong trào mới đề nghị công nhận', undefined, {
    act: (a, r) => covers(a, r.path, 'review') && covers(a, r.programOwnerPath ?? r.path, 'review'),
  }),
  'registration.recuse': registrationRule('read', 'Chỉ thành viên ban thẩm định hoặc hội đồng xét mới xin không tham gia thẩm định', undefined, {
    act: (a, r) => covers(a, r.path, 'appraise') || covers(a, r.path, 'review'),
    personOnly: true,
  }),
  /**
   * Reading residents' comments on a registration (with the names and phones they gave) and answering them
   * (tiếp thu, giải trình, không liên quan): the board and the council over the area (issue 14). Not the area
   * head, whose area they may criticise, nor the read-only leader.
   */
  'registration.answer-comment': registrationRule('read', 'Chỉ ban thẩm định hoặc hội đồng xét mới xem và trả lời ý kiến của Nhân dân', undefined, {
    act: (a, r) => covers(a, r.path, 'appraise') || covers(a, r.path, 'review'),
  }),
  'registration.upload-evidence': registrationRule('selfAssess', 'Bạn không có quyền tải minh chứng cho hồ sơ này'),
  'registration.delete-evidence': registrationRule('selfAssess', 'Bạn không có quyền xoá minh chứng của hồ sơ này'),
  /** Putting a registration in a decision, or one of its recognitions in a revocation. */
  'registration.decide': registrationRule('decide', 'Bạn không có quyền ra quyết định cho hồ sơ này'),

  // Programmes (their owner unit)
  'program.read': programRule('read', 'Bạn không có quyền xem phong trào này'),
  'program.draft-decision': programRule('decide', 'Chỉ cấp ra quyết định của phong trào mới lập được quyết định'),
  'program.revoke': programRule('decide', 'Chỉ cấp ra quyết định của phong trào mới lập được quyết định thu hồi'),
  'program.import-history': programRule('decide', 'Chỉ cấp ra quyết định công nhận của phong trào mới nhập được lịch sử công nhận'),
  /** Settings, criteria versions, titles, targets of a programme: the programme's own level (or an administrator). */
  'program.manage': programRule('manage', 'Chỉ cấp phụ trách phong trào mới sửa được phong trào'),

  // Decisions (the issuing unit)
  'decision.read': decisionRule('read', 'Bạn không có quyền xem quyết định này'),
  'decision.issue': decisionRule('decide', 'Bạn không có quyền ban hành quyết định này'),

  // Accounts (all their grants)
  'account.read': accountRule((a, r) => seesAccount(a, r.grants), 'Bạn không có quyền xem tài khoản này'),
  'account.manage': accountRule(
    (a, r) => managesAccount(a, r.grants),
    'Tài khoản này ngang cấp hoặc trên cấp bạn: chỉ cấp trên của mọi đơn vị được giao cho tài khoản mới quản lý được',
  ),

  // The installation
  'system.audit': {
    resource: 'system',
    capability: 'manage',
    read: () => true,
    act: (a) => isAdmin(a),
    message: 'Chỉ quản trị hệ thống mới xem được nhật ký của toàn hệ thống',
  } satisfies Rule<SystemResource>,
} satisfies Record<string, AnyRule>;

export type Action = keyof typeof RULES;
export const ACTIONS = Object.keys(RULES) as Action[];
type ResourceOf<A extends Action> = Extract<Resource, { kind: (typeof RULES)[A]['resource'] }>;

export type Verdict = { ok: true } | { ok: false; code: 'not-found' | 'forbidden'; message: string };

/** The policy's answer with its reason: not-found when the caller may not read the resource, forbidden when they may not act. */
export function decide<A extends Action>(actor: Actor, action: A, resource: ResourceOf<A>): Verdict {
  const rule = RULES[action] as unknown as Rule<ResourceOf<A>>;
  if (rule.resource !== resource.kind) throw new Error(`policy: ${action} applies to a ${rule.resource}, not a ${resource.kind}`);
  if (!rule.read(actor, resource)) return { ok: false, code: 'not-found', message: rule.message };
  if (rule.personOnly && isSystem(actor)) return { ok: false, code: 'forbidden', message: 'Việc này chỉ một người làm, không làm bằng dòng lệnh' };
  if (!rule.act(actor, resource)) {
    const duty = resource.kind === 'registration' ? dutyOf(action) : undefined;
    const byDuty = duty && covers(actor, (resource as RegistrationResource).path, rule.capability) && !dutyAllowed(resource as RegistrationResource, duty);
    return { ok: false, code: 'forbidden', message: byDuty ? DUTY_REFUSAL[duty] : rule.message };
  }
  return { ok: true };
}

export function can<A extends Action>(actor: Actor, action: A, resource: ResourceOf<A>): boolean {
  return decide(actor, action, resource).ok;
}

/** Whether the caller holds a role that takes this action anywhere: the gate before a file is read, and the app's buttons. */
export function mayEver(actor: Actor, action: Action): boolean {
  const rule = RULES[action] as unknown as Rule<Resource>;
  if (isSystem(actor)) return !rule.personOnly;
  // Standing aside, opening a notice and answering residents: whoever appraises or reviews.
  if (action === 'registration.recuse' || action === 'registration.answer-comment' || action === 'unit.open-notice')
    return mayEver(actor, 'registration.appraise') || mayEver(actor, 'registration.review');
  const roles: readonly string[] = CAPABILITIES[rule.capability];
  return actor.grants.some((g) => roles.includes(g.role));
}

/** The duty an action performs, if any. */
export function dutyOf(action: Action): Duty | undefined {
  if (action === 'registration.self-assess') return 'self-assess';
  if (action === 'registration.appraise') return 'appraise';
  if (action === 'registration.propose') return 'propose';
  return undefined;
}

/** Whether the caller sees the whole installation, and so is told precisely what does not exist (the command line). */
export const seesEverything = (actor: Actor) => isSystem(actor);
