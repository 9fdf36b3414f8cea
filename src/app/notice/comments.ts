/**
 * Residents' comments (ý kiến) on a public notice (issue 14): sent without an
 * account from the public page, kept with the registration they concern,
 * read and answered by the board and the council (tiếp thu, giải trình, không
 * liên quan) with a reason, on the audit log; counted for the council's
 * conclusion notice ("N ý kiến, M được tiếp thu").
 *
 * The sender is told apart only by a keyed hash of their address (the rate
 * limit per address); the proof of work is checked at the edge before this
 * is called, and its challenge id is stored once (a solved challenge sends
 * one comment).
 */
import { and, asc, count, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client';
import { noticeComments, publicNotices, registrations, units, users } from '../../db/schema';
import { needsModeration, noticeState, vietnamDay, type CommentMark, type CommentCounts } from '../../core/notice/notice';
import { formatDate } from '../../core/text/date';
import { nfc } from '../../core/text/normalize';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { AppError, notFound } from '../errors';
import { COMMENT_LIMITS } from '../limits';
import { can } from '../policy';
import { registrationFor } from '../policy/loaders';
import { COMMUNE_KINDS } from '../../core/units/kinds';
import { findNotice } from './public';
import { NOTICED_STEPS, proposedUnder } from './open';

const NOTICED: readonly string[] = NOTICED_STEPS;

export interface PublicCommentInput {
  noticeId: number;
  registrationId: number;
  body: string;
  name?: string;
  phone?: string;
  /** A keyed hash of the sender's address (the edge makes it; no address is kept). */
  senderKey: string;
  challengeId: string;
}

const blankToNull = (s: string | undefined) => (s && s.trim() ? nfc(s.trim()) : null);

/** Stores a resident's comment; held for moderation when it holds a link or a phone number. */
export async function addPublicComment(db: Db, input: PublicCommentInput, now = new Date()) {
  const { notice, communePath } = await findNotice(db, input.noticeId);
  const state = noticeState(notice, vietnamDay(now));
  if (state !== 'open')
    throw new AppError(
      'conflict',
      state === 'ended'
        ? `Thời hạn lấy ý kiến đã kết thúc ngày ${formatDate(notice.endsOn)}`
        : `Thời hạn lấy ý kiến bắt đầu từ ngày ${formatDate(notice.startsOn)}`,
    );
  const area = (await proposedUnder(db, notice.programId, notice.year, communePath)).find((a) => a.id === input.registrationId);
  if (!area) throw notFound('khu dân cư trong thông báo niêm yết');
  const since = (ms: number) => new Date(now.getTime() - ms);
  const [bySender] = await db
    .select({ n: count() })
    .from(noticeComments)
    .where(and(eq(noticeComments.senderKey, input.senderKey), gt(noticeComments.createdAt, since(COMMENT_LIMITS.perAddressWindowMs))));
  const [byArea] = await db
    .select({ n: count() })
    .from(noticeComments)
    .where(and(eq(noticeComments.registrationId, area.id), gt(noticeComments.createdAt, since(COMMENT_LIMITS.perAreaWindowMs))));
  if ((bySender?.n ?? 0) >= COMMENT_LIMITS.perAddress)
    throw new AppError('rate-limited', 'Bạn đã gửi nhiều ý kiến trong thời gian ngắn. Vui lòng thử lại sau ít phút.', {
      retryAfterSeconds: Math.ceil(COMMENT_LIMITS.perAddressWindowMs / 1000),
    });
  if ((byArea?.n ?? 0) >= COMMENT_LIMITS.perArea)
    throw new AppError('rate-limited', `Khu dân cư ${area.name} vừa nhận nhiều ý kiến. Vui lòng thử lại sau.`, {
      retryAfterSeconds: Math.ceil(COMMENT_LIMITS.perAreaWindowMs / 1000),
    });
  const body = nfc(input.body.trim());
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(noticeComments)
      .values({
        noticeId: notice.id,
        registrationId: area.id,
        body,
        authorName: blankToNull(input.name),
        authorPhone: blankToNull(input.phone),
        senderKey: input.senderKey,
        challengeId: input.challengeId,
        held: needsModeration(body),
        createdAt: now,
      })
      .onConflictDoNothing({ target: noticeComments.challengeId })
      .returning({ id: noticeComments.id, held: noticeComments.held });
    if (!row) throw new AppError('conflict', 'Mã xác minh này đã được dùng. Vui lòng tải lại trang và gửi lại.');
    // The log keeps that a comment came, not who sent it (their name and phone stay in the comment only).
    await recordAudit(tx, null, {
      action: 'public-comment',
      entity: 'notice-comment',
      entityId: row.id,
      unitId: area.unitId,
      after: { noticeId: notice.id, registrationId: area.id, held: row.held, chars: body.length },
    });
    return { id: row.id, held: row.held, areaName: area.name };
  });
}

/**
 * The notice a registration is on (its commune's, if opened) and the comments on it, with who sent them and who
 * answered, for the board and the council; and whether the caller may open the commune's notice.
 */
export async function registrationComments(db: Queryable, actor: Actor, registrationId: number, now = new Date()) {
  const { registration, unit, parent } = await registrationFor(db, actor, registrationId, 'registration.answer-comment');
  const notices = await db
    .select({ n: publicNotices, path: units.path })
    .from(publicNotices)
    .innerJoin(units, eq(units.id, publicNotices.unitId))
    .where(and(eq(publicNotices.programId, registration.programId), eq(publicNotices.year, registration.year)));
  const found = notices.find((x) => unit.path.startsWith(x.path))?.n;
  const commune = parent && (COMMUNE_KINDS as readonly string[]).includes(parent.kind) ? parent : null;
  const notice = found
    ? { id: found.id, startsOn: found.startsOn, endsOn: found.endsOn, state: noticeState(found, vietnamDay(now)), url: `/niem-yet/${found.id}` }
    : null;
  const canOpen = !found && !!commune && can(actor, 'unit.open-notice', { kind: 'unit', path: commune.path }) && NOTICED.includes(registration.status);
  const rows = await db
    .select({ c: noticeComments, answeredByName: users.displayName })
    .from(noticeComments)
    .leftJoin(users, eq(users.id, noticeComments.answeredBy))
    .where(eq(noticeComments.registrationId, registration.id))
    .orderBy(asc(noticeComments.createdAt), asc(noticeComments.id));
  const comments = rows.map(({ c, answeredByName }) => ({
    id: c.id,
    noticeId: c.noticeId,
    body: c.body,
    authorName: c.authorName,
    authorPhone: c.authorPhone,
    held: c.held,
    createdAt: c.createdAt.toISOString(),
    mark: c.mark,
    answer: c.answer,
    answeredBy: answeredByName,
    answeredAt: c.answeredAt?.toISOString() ?? null,
  }));
  return { notice, commune: commune ? { id: commune.id, name: commune.name, canOpen } : null, comments };
}

/** Answers (or answers again) a comment: a mark and its reason, on the audit log. */
export async function answerComment(db: Db, actor: Actor, commentId: number, input: { mark: CommentMark; reason: string }) {
  const [comment] =
    Number.isSafeInteger(commentId) && commentId > 0 && commentId <= 2_147_483_647
      ? await db.select().from(noticeComments).where(eq(noticeComments.id, commentId))
      : [];
  if (!comment) throw notFound('ý kiến');
  const { unit } = await registrationFor(db, actor, comment.registrationId, 'registration.answer-comment').catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not-found') throw notFound('ý kiến');
    throw error;
  });
  const reason = nfc(input.reason.trim());
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(noticeComments)
      .set({ mark: input.mark, answer: reason, answeredBy: actor.userId, answeredAt: sql`now()` })
      .where(eq(noticeComments.id, comment.id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'answer-comment',
      entity: 'notice-comment',
      entityId: comment.id,
      unitId: unit.id,
      before: { mark: comment.mark, answer: comment.answer },
      after: { mark: row!.mark, answer: row!.answer },
    });
    return { id: row!.id, mark: row!.mark!, answer: row!.answer!, answeredAt: row!.answeredAt!.toISOString() };
  });
}

/** Comments and accepted comments per registration, for the council's notice. */
export async function commentCounts(db: Queryable, registrationIds: number[]): Promise<Map<number, CommentCounts>> {
  const out = new Map<number, CommentCounts>();
  if (!registrationIds.length) return out;
  const rows = await db
    .select({
      registrationId: noticeComments.registrationId,
      total: count(),
      accepted: sql<number>`count(*) FILTER (WHERE ${noticeComments.mark} = 'accepted')`.mapWith(Number),
    })
    .from(noticeComments)
    .where(inArray(noticeComments.registrationId, registrationIds))
    .groupBy(noticeComments.registrationId);
  for (const r of rows) out.set(r.registrationId, { total: r.total, accepted: r.accepted });
  return out;
}

/**
 * Refuses a decision for an area whose commune's notice is still open (Nghị
 * định 86/2023/NĐ-CP: the decision follows the period of comments). A commune
 * that opened no notice is not held back: the notice is KDC's tool, and
 * paper notices stay lawful.
 */
export async function assertNoticesEnded(db: Queryable, registrationIds: number[], now = new Date()): Promise<void> {
  if (!registrationIds.length) return;
  const rows = await db
    .select({ path: units.path, programId: registrations.programId, year: registrations.year })
    .from(registrations)
    .innerJoin(units, eq(units.id, registrations.unitId))
    .where(inArray(registrations.id, registrationIds));
  const programIds = [...new Set(rows.map((r) => r.programId))];
  const notices = await db
    .select({ n: publicNotices, path: units.path, name: units.name })
    .from(publicNotices)
    .innerJoin(units, eq(units.id, publicNotices.unitId))
    .where(inArray(publicNotices.programId, programIds));
  const today = vietnamDay(now);
  for (const r of rows) {
    const open = notices.find((x) => x.n.programId === r.programId && x.n.year === r.year && r.path.startsWith(x.path) && x.n.endsOn >= today);
    if (open)
      throw new AppError(
        'conflict',
        `${open.name} đang niêm yết công khai lấy ý kiến Nhân dân đến hết ngày ${formatDate(open.n.endsOn)}: chưa lập được quyết định trước khi hết thời hạn`,
      );
  }
}
