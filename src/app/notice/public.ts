/**
 * What the public notice page shows, with no sign-in (issue 14): the
 * programme, the commune, the period, and for each proposed area its title,
 * its self-assessment and the board's result per standard, and the comments
 * already made on it that wait for no moderation — their text, day and
 * answer, never a name or a phone. Nothing else: no person, no evidence file,
 * no criterion note. This is the whole of what the public routes read; it
 * takes no actor because it answers everyone the same.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { noticeComments, programs, programTitles, publicNotices, units, verdicts } from '../../db/schema';
import { noticeState, vietnamDay, type CommentMark, type NoticeState } from '../../core/notice/notice';
import { notFound } from '../errors';
import { proposedUnder } from './open';

export interface PublicSection {
  code: string;
  title: string;
  self: { passed: number; applicable: number; ok: boolean } | null;
  board: { passed: number; applicable: number; ok: boolean } | null;
}
export interface PublicArea {
  registrationId: number;
  name: string;
  titleName: string | null;
  selfRecognized: boolean | null;
  boardRecognized: boolean | null;
  sections: PublicSection[];
  comments: Array<{ body: string; at: Date; mark: CommentMark | null; answer: string | null }>;
}
export interface PublicNoticeView {
  id: number;
  programName: string;
  year: number;
  communeName: string;
  startsOn: string;
  endsOn: string;
  state: NoticeState;
  areas: PublicArea[];
}

const validId = (id: number) => Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647;

/** The notice's row with its programme and commune, or not found. */
export async function findNotice(db: Queryable, id: number) {
  const [row] = validId(id)
    ? await db
        .select({ notice: publicNotices, programName: programs.name, communeName: units.name, communePath: units.path })
        .from(publicNotices)
        .innerJoin(programs, eq(programs.id, publicNotices.programId))
        .innerJoin(units, eq(units.id, publicNotices.unitId))
        .where(eq(publicNotices.id, id))
    : [];
  if (!row) throw notFound('thông báo niêm yết');
  return row;
}

export async function publicNotice(db: Queryable, id: number, now = new Date()): Promise<PublicNoticeView> {
  const { notice, programName, communeName, communePath } = await findNotice(db, id);
  const areas = await proposedUnder(db, notice.programId, notice.year, communePath);
  const ids = areas.map((a) => a.id);
  const [stored, titles, comments] = await Promise.all([
    ids.length ? db.select().from(verdicts).where(inArray(verdicts.registrationId, ids)) : [],
    db.select({ code: programTitles.code, name: programTitles.name }).from(programTitles).where(eq(programTitles.programId, notice.programId)),
    ids.length
      ? db
          .select({
            registrationId: noticeComments.registrationId,
            body: noticeComments.body,
            at: noticeComments.createdAt,
            mark: noticeComments.mark,
            answer: noticeComments.answer,
          })
          .from(noticeComments)
          .where(and(eq(noticeComments.noticeId, notice.id), eq(noticeComments.held, false)))
          .orderBy(asc(noticeComments.createdAt), asc(noticeComments.id))
      : [],
  ]);
  return {
    id: notice.id,
    programName,
    year: notice.year,
    communeName,
    startsOn: notice.startsOn,
    endsOn: notice.endsOn,
    state: noticeState(notice, vietnamDay(now)),
    areas: areas.map((a) => {
      const self = stored.find((v) => v.registrationId === a.id && v.stage === 'self')?.result;
      const board = stored.find((v) => v.registrationId === a.id && v.stage === 'board')?.result;
      const sections = (board ?? self)?.sections ?? [];
      const pick = (s: typeof sections, code: string) => {
        const found = s.find((x) => x.code === code);
        return found ? { passed: found.passed, applicable: found.applicable, ok: found.ok } : null;
      };
      return {
        registrationId: a.id,
        name: a.name,
        titleName: titles.find((t) => t.code === a.titleCode)?.name ?? null,
        selfRecognized: self ? self.recognized : null,
        boardRecognized: board ? board.recognized : null,
        sections: sections.map((s) => ({ code: s.code, title: s.title, self: pick(self?.sections ?? [], s.code), board: pick(board?.sections ?? [], s.code) })),
        comments: comments.filter((c) => c.registrationId === a.id).map(({ body, at, mark, answer }) => ({ body, at, mark, answer })),
      };
    }),
  };
}
