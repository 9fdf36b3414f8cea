/**
 * `kdc program create|show|set|publish`: a programme set up from the command
 * line, through the same use cases as the web app (src/app/programs/admin.ts),
 * acting as the system. What a clerk types is read as a clerk writes it:
 * days as 31/03, money as 2.000.000, levels as xã / huyện / tỉnh, statuses as
 * "lần đầu" / "giữ vững" / "công nhận lại" (docs/cli.md).
 */
import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../app/actor';
import { createProgram, publishCriteriaVersion, updateProgramSettings } from '../../app/programs/admin';
import { getProgram } from '../../app/programs/queries';
import { resolveUnitRef } from '../../app/units/resolve';
import { RECOGNITION_STATUSES, STATUS_LABELS, type RecognitionStatus } from '../../core/cycle/status';
import type { CriteriaSet } from '../../core/criteria/schema';
import { unusableReason } from '../../core/criteria/validate';
import {
  CHAIN_LEVEL_NAMES,
  DEADLINE_STEPS,
  programCodeSchema,
  parseAmount,
  parseChainLevel,
  parseDeadlineStep,
  parseRecognitionStatus,
  type Chain,
  type ChainLevel,
  type Deadline,
  type ProgramSettings,
  type Reward,
  type Target,
} from '../../core/programs/settings';
import { formatDayMonth, parseDayMonth } from '../../core/text/date';
import { parseLocaleNumber } from '../../core/text/number';
import { formatMoney, formatNumber } from '../../core/text/format';
import { parseYesNo } from '../../core/import/sheet';
import { parseYear, withDb } from '../database';
import { CliError } from '../errors';
import { readText, resolveSet } from '../io';
import { describeCriteriaProblems, readCriteriaWorkbook } from '../../app/criteria/xlsx';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

const collect = (value: string, previous: string[]) => [...previous, value];
const usage = (message: string) => new CliError(message, 2);

/**
 * A criteria set named on the command line: a built-in code, a JSON file, or a
 * workbook filled from `kdc criteria template` (.xlsx), each through the same
 * validation as `kdc criteria validate`. A framework still to complete is refused.
 */
async function criteriaFrom(ref: string): Promise<CriteriaSet> {
  let set: CriteriaSet;
  if (/\.xlsx$/i.test(ref)) {
    readText(ref); // the same Vietnamese messages for a missing file or a folder
    const result = await readCriteriaWorkbook(readFileSync(ref), basename(ref));
    if (!result.ok) throw usage(`Tệp ${ref} có ${formatNumber(result.problems.length)} lỗi, chưa ghi gì:\n${describeCriteriaProblems(result.problems)}`);
    set = result.set;
  } else {
    set = resolveSet(ref);
  }
  const reason = unusableReason(set);
  if (reason) throw usage(reason);
  return set;
}

/* ───────────── Reading repeated options ───────────── */

/** "2026=5" (a year), "2026-2030=20" (a period), "kieu-mau:2026=3" (one title). */
export function parseTargetSpec(spec: string): Target {
  const match = /^\s*(?:([^:=]+):)?\s*(\d{4})\s*(?:[-–]\s*(\d{4}))?\s*=\s*(.+?)\s*$/.exec(spec);
  if (!match) throw usage(`--target "${spec}" không đúng dạng: NĂM=SỐ, NĂM-NĂM=SỐ hoặc DANH_HIỆU:NĂM=SỐ (vd. 2026=5, 2026-2030=20)`);
  const [, title, from, to, count] = match;
  const target = parseLocaleNumber(count!);
  if (target === null || !Number.isInteger(target) || target <= 0) throw usage(`--target "${spec}": chỉ tiêu "${count}" phải là số nguyên lớn hơn 0`);
  const yearFrom = parseYear(from!);
  const yearTo = to ? parseYear(to) : yearFrom;
  return { scope: to ? 'period' : 'year', yearFrom, yearTo, titleCode: title?.trim() || null, target };
}

/** "đăng ký=31/03", "register=31/03=Khu dân cư đăng ký". */
export function parseDeadlineSpec(spec: string): Deadline {
  const [stepText = '', dayText = '', ...label] = spec.split('=');
  const step = parseDeadlineStep(stepText);
  if (!step)
    throw usage(
      `--deadline "${spec}": bước "${stepText.trim()}" không có; dùng ${DEADLINE_STEPS.join(', ')} hoặc tên tiếng Việt (đăng ký, tự đánh giá, thẩm định, hội đồng, quyết định, ngày hội, báo cáo)`,
    );
  const monthDay = parseDayMonth(dayText);
  if (!monthDay) throw usage(`--deadline "${spec}": ngày "${dayText.trim()}" không đúng dạng ngày/tháng (vd. 31/03)`);
  const text = label.join('=').trim();
  return { step, monthDay, ...(text ? { label: text } : {}) };
}

/** "tieu-bieu:lần đầu=2.000.000", "van-hoa:giữ vững=1,5x" (a coefficient of the base salary). */
export function parseRewardSpec(spec: string): Reward {
  const match = /^\s*([^:=]+):([^=]+)=(.+)$/.exec(spec);
  if (!match) throw usage(`--reward "${spec}" không đúng dạng: DANH_HIỆU:TRẠNG_THÁI=SỐ_TIỀN (vd. tieu-bieu:lần đầu=2.000.000) hoặc …=HỆ_SỐx (vd. 1,5x)`);
  const [, titleCode, statusText, valueText] = match;
  const status = parseRecognitionStatus(statusText!);
  if (!status) throw usage(`--reward "${spec}": trạng thái "${statusText!.trim()}" không có; dùng lần đầu, giữ vững hoặc công nhận lại`);
  const value = valueText!.trim();
  if (/x$/i.test(value)) {
    const coefficient = parseLocaleNumber(value.slice(0, -1));
    if (coefficient === null || coefficient <= 0) throw usage(`--reward "${spec}": hệ số "${value}" không hợp lệ (vd. 1,5x)`);
    return { titleCode: titleCode!.trim(), status, coefficient };
  }
  const amount = parseAmount(value);
  if (amount === null) throw usage(`--reward "${spec}": số tiền "${value}" không hợp lệ (vd. 2.000.000)`);
  return { titleCode: titleCode!.trim(), status, amount };
}

function levelOption(name: string, text: string | undefined): ChainLevel | undefined {
  if (text === undefined) return undefined;
  const level = parseChainLevel(text);
  if (!level) throw usage(`--${name} "${text}" không hợp lệ; dùng xã (commune), huyện (district) hoặc tỉnh (province)`);
  return level;
}

function yesNoOption(name: string, text: string | undefined): boolean | undefined {
  if (text === undefined) return undefined;
  const value = parseYesNo(text);
  if (value === null || !text.trim()) throw usage(`--${name} "${text}" phải là "có" hoặc "không"`);
  return value;
}

/** An empty value clears a text setting. */
const textOption = (text: string | undefined) => (text === undefined ? undefined : text.trim() ? text.trim() : null);

interface SetOptions {
  name?: string;
  description?: string;
  issuer?: string;
  signer?: string;
  signerTitle?: string;
  certificateWording?: string;
  allowSameAssessor?: string;
  fromYear?: string;
  toYear?: string;
  title?: string;
  appraise?: string;
  review?: string;
  decide?: string;
  decidingBody?: string;
  target: string[];
  deadline: string[];
  reward: string[];
  clearTargets?: boolean;
  clearDeadlines?: boolean;
  clearRewards?: boolean;
}

type ChainChange = Partial<Record<'appraise' | 'review' | 'decide', ChainLevel>> & { decidingBody?: string | null };

/** What a `kdc program set` line asks for, read before the database is opened: a mistyped option costs nothing. */
function readSetOptions(o: SetOptions): { settings: ProgramSettings; chain: ChainChange | null } {
  if (o.target.length && o.clearTargets) throw usage('--target và --clear-targets không dùng cùng nhau');
  if (o.deadline.length && o.clearDeadlines) throw usage('--deadline và --clear-deadlines không dùng cùng nhau');
  if (o.reward.length && o.clearRewards) throw usage('--reward và --clear-rewards không dùng cùng nhau');
  if (o.name !== undefined && !o.name.trim()) throw usage('--name không được để trống');
  const settings: Record<string, unknown> = {
    name: o.name?.trim(),
    description: textOption(o.description),
    issuingBody: textOption(o.issuer),
    signerName: textOption(o.signer),
    signerTitle: textOption(o.signerTitle),
    certificateWording: textOption(o.certificateWording),
    allowSameAssessor: yesNoOption('allow-same-assessor', o.allowSameAssessor),
    fromYear: o.fromYear === undefined ? undefined : parseYear(o.fromYear),
    toYear: o.toYear === undefined ? undefined : parseYear(o.toYear),
    targets: o.clearTargets ? [] : o.target.length ? o.target.map(parseTargetSpec) : undefined,
    deadlines: o.clearDeadlines ? [] : o.deadline.length ? o.deadline.map(parseDeadlineSpec) : undefined,
    rewards: o.clearRewards ? [] : o.reward.length ? o.reward.map(parseRewardSpec) : undefined,
  };
  const change = Object.fromEntries(
    Object.entries({
      appraise: levelOption('appraise', o.appraise),
      review: levelOption('review', o.review),
      decide: levelOption('decide', o.decide),
      decidingBody: textOption(o.decidingBody),
    }).filter(([, v]) => v !== undefined),
  ) as ChainChange;
  const chain = Object.keys(change).length ? change : null;
  if (o.title && !chain) throw usage('--title chỉ dùng cùng --appraise, --review, --decide hoặc --deciding-body');
  const given = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined)) as ProgramSettings;
  if (!Object.keys(given).length && !chain) throw usage('Chưa nêu cài đặt nào để đổi. Xem: kdc program set --help');
  return { settings: given, chain };
}

/** The chains of the titles named (all by default), each as it is with the change laid over it. */
function chainsFor(change: ChainChange, title: string | undefined, titles: Array<{ code: string; chain: Chain }>): ProgramSettings['chains'] {
  const chosen = title ? titles.filter((t) => t.code === title) : titles;
  if (!chosen.length) throw usage(`Phong trào không có danh hiệu "${title}" (có: ${titles.map((t) => t.code).join(', ')})`);
  return chosen.map((t) => {
    const { decidingBody, ...levels } = { ...t.chain, ...change };
    return { titleCode: t.code, chain: { ...levels, ...(decidingBody ? { decidingBody } : {}) } };
  });
}

/* ───────────── Showing a programme ───────────── */

type ProgramView = Awaited<ReturnType<typeof getProgram>>;

const levelName = (level: string | undefined) => (level ? ((CHAIN_LEVEL_NAMES as Record<string, string>)[level] ?? level) : 'chưa đặt');

export function programText(p: ProgramView): string {
  const lines: string[] = [];
  const s = p.settings;
  lines.push(`${p.name} (mã ${p.code})`);
  lines.push(`Đơn vị chủ trì: ${p.ownerUnitName}${p.ownerUnitCode ? ` (${p.ownerUnitCode})` : ''}`);
  if (p.description) lines.push(`Mô tả: ${p.description}`);
  lines.push(`Các năm: ${p.fromYear ?? '—'}${p.toYear !== p.fromYear ? `–${p.toYear}` : ''}`);
  const bySet = new Map<string, number[]>();
  for (const y of p.years) bySet.set(`${y.setCode}@${y.setVersion}`, [...(bySet.get(`${y.setCode}@${y.setVersion}`) ?? []), y.year]);
  for (const [set, years] of bySet) lines.push(`  Bộ tiêu chí ${set}: năm ${years[0]}${years.length > 1 ? `–${years.at(-1)}` : ''}`);
  lines.push(`Cơ quan ban hành văn bản: ${s.issuingBody ?? 'chưa đặt'}`);
  lines.push(`Người ký: ${[s.signerTitle, s.signerName].filter(Boolean).join(' ') || 'chưa đặt'}`);
  if (s.certificateWording) lines.push(`Lời văn giấy công nhận: ${s.certificateWording}`);
  lines.push(`Một người vừa tự đánh giá vừa thẩm định cùng hồ sơ: ${s.allowSameAssessor ? 'cho phép' : 'không cho phép'}`);
  lines.push('Danh hiệu:');
  for (const t of p.titles) {
    const c = t.chain;
    lines.push(
      `  - ${t.code}: ${t.name} — thẩm định ${levelName(c.appraise)}, xét ${levelName(c.review)}, quyết định ${levelName(c.decide)}${c.decidingBody ? ` (${c.decidingBody})` : ''}`,
    );
  }
  lines.push(p.targets.length ? 'Chỉ tiêu:' : 'Chỉ tiêu: chưa đặt');
  for (const t of p.targets)
    lines.push(
      `  - ${t.scope === 'year' ? `năm ${t.yearFrom}` : `giai đoạn ${t.yearFrom}–${t.yearTo}`}${t.titleCode ? ` (${t.titleCode})` : ''}: ${formatNumber(t.target)}`,
    );
  lines.push(p.deadlines.length ? 'Hạn:' : 'Hạn: chưa đặt');
  for (const d of p.deadlines) lines.push(`  - ${formatDayMonth(d.monthDay)}: ${d.label} (${d.step})`);
  lines.push(p.rewards.length ? 'Khen thưởng:' : 'Khen thưởng: chưa đặt');
  const order = (status: RecognitionStatus) => RECOGNITION_STATUSES.indexOf(status);
  for (const r of [...p.rewards].sort((a, b) => a.titleCode.localeCompare(b.titleCode) || order(a.status) - order(b.status)))
    lines.push(
      `  - ${r.titleCode}, ${STATUS_LABELS[r.status].toLocaleLowerCase('vi-VN')}: ${r.coefficient ? `${formatNumber(r.coefficient)} × mức lương cơ sở` : formatMoney(r.amount)}`,
    );
  return `${lines.join('\n')}\n`;
}

/* ───────────── Commands ───────────── */

interface CreateOptions {
  code: string;
  name: string;
  owner: string;
  criteria: string;
  fromYear?: string;
  toYear?: string;
  description?: string;
  issuer?: string;
  signer?: string;
  signerTitle?: string;
}

export function registerProgramCommands(program: Command): void {
  const cmd = program.command('program').description('Phong trào: tạo, xem, cài đặt, công bố phiên bản bộ tiêu chí mới');

  cmd
    .command('create')
    .description('Tạo phong trào từ một bộ tiêu chí (tệp JSON, Excel hoặc mã bộ có sẵn)')
    .requiredOption('--code <code>', 'mã phong trào: chữ thường không dấu, số, gạch ngang (vd. banlang-kdc)')
    .requiredOption('--name <name>', 'tên phong trào')
    .requiredOption('--owner <unit>', 'đơn vị chủ trì: mã số, mã đơn vị hoặc đường dẫn tên')
    .requiredOption('--criteria <set>', 'tệp bộ tiêu chí JSON hoặc Excel (.xlsx), hoặc mã bộ có sẵn (kdc criteria list)')
    .option('--from-year <year>', 'năm bắt đầu (mặc định: năm nay)')
    .option('--to-year <year>', 'năm kết thúc (mặc định: bằng năm bắt đầu)')
    .option('--description <text>', 'mô tả')
    .option('--issuer <body>', 'cơ quan ban hành văn bản, vd. "Ủy ban nhân dân xã Bản Lang"')
    .option('--signer <name>', 'người ký mặc định')
    .option('--signer-title <title>', 'chức vụ người ký, vd. "Chủ tịch"')
    .action(async (o: CreateOptions) => {
      const code = programCodeSchema.safeParse(o.code);
      if (!code.success) throw usage(`--code "${o.code}": ${code.error.issues[0]!.message}`);
      const fromYear = o.fromYear ? parseYear(o.fromYear) : new Date().getFullYear();
      const toYear = o.toYear ? parseYear(o.toYear) : undefined;
      const set = await criteriaFrom(o.criteria);
      const settings = Object.fromEntries(
        Object.entries({ issuingBody: textOption(o.issuer), signerName: textOption(o.signer), signerTitle: textOption(o.signerTitle) }).filter(([, v]) => v),
      );
      const shown = await withDb(async (db) => {
        const owner = await resolveUnitRef(db, o.owner);
        const created = await createProgram(db, SYSTEM_ACTOR, {
          code: o.code,
          name: o.name,
          ownerUnitId: owner.id,
          description: o.description,
          set,
          fromYear,
          toYear,
          settings,
        });
        return getProgram(db, SYSTEM_ACTOR, created.code);
      });
      process.stdout.write(`Đã tạo phong trào ${shown.code}.\n${programText(shown)}`);
    });

  cmd
    .command('show')
    .description('Xem phong trào và cài đặt')
    .argument('<code>', 'mã phong trào')
    .option('--format <format>', 'text | json', 'text')
    .action(async (code: string, o: { format: string }) => {
      if (!['text', 'json'].includes(o.format)) throw usage(`Định dạng "${o.format}" không hỗ trợ; dùng text hoặc json`);
      const shown = await withDb((db) => getProgram(db, SYSTEM_ACTOR, code));
      process.stdout.write(o.format === 'json' ? `${JSON.stringify(shown, null, 2)}\n` : programText(shown));
    });

  cmd
    .command('set')
    .description('Đổi cài đặt phong trào; --target, --deadline, --reward lặp lại được và thay cả danh sách')
    .argument('<code>', 'mã phong trào')
    .option('--name <name>', 'tên phong trào')
    .option('--description <text>', 'mô tả (để trống "" để xóa)')
    .option('--issuer <body>', 'cơ quan ban hành văn bản (để trống "" để xóa)')
    .option('--signer <name>', 'người ký mặc định')
    .option('--signer-title <title>', 'chức vụ người ký')
    .option('--certificate-wording <text>', 'lời văn giấy công nhận')
    .option('--allow-same-assessor <có|không>', 'một người được vừa tự đánh giá vừa thẩm định cùng hồ sơ')
    .option('--from-year <year>', 'năm bắt đầu')
    .option('--to-year <year>', 'năm kết thúc')
    .option('--title <code>', 'chỉ đổi quy trình của danh hiệu này (mặc định: mọi danh hiệu)')
    .option('--appraise <level>', 'cấp thẩm định (ban thẩm định): xã, huyện, tỉnh')
    .option('--review <level>', 'cấp xét (hội đồng xét): xã, huyện, tỉnh')
    .option('--decide <level>', 'cấp quyết định công nhận: xã, huyện, tỉnh')
    .option('--deciding-body <body>', 'cơ quan ra quyết định công nhận danh hiệu')
    .option('--target <spec>', 'chỉ tiêu: 2026=5 | 2026-2030=20 | kieu-mau:2026=3 (lặp lại được)', collect, [])
    .option('--deadline <spec>', 'hạn: "đăng ký=31/03" | "quyết định=15/11=Ban hành quyết định" (lặp lại được)', collect, [])
    .option('--reward <spec>', 'khen thưởng: "tieu-bieu:lần đầu=2.000.000" | "van-hoa:giữ vững=1,5x" (lặp lại được)', collect, [])
    .option('--clear-targets', 'xóa mọi chỉ tiêu')
    .option('--clear-deadlines', 'xóa mọi hạn')
    .option('--clear-rewards', 'xóa mọi mức khen thưởng')
    .action(async (code: string, o: SetOptions) => {
      const { settings, chain } = readSetOptions(o);
      const shown = await withDb(async (db) => {
        const chains = chain ? chainsFor(chain, o.title, (await getProgram(db, SYSTEM_ACTOR, code)).titles) : undefined;
        await updateProgramSettings(db, SYSTEM_ACTOR, code, { ...settings, ...(chains ? { chains } : {}) });
        return getProgram(db, SYSTEM_ACTOR, code);
      });
      process.stdout.write(`Đã lưu cài đặt phong trào ${shown.code}.\n${programText(shown)}`);
    });

  cmd
    .command('publish')
    .description('Công bố phiên bản bộ tiêu chí mới cho phong trào, áp dụng từ một năm (các năm trước giữ bộ cũ)')
    .argument('<code>', 'mã phong trào')
    .requiredOption('--criteria <set>', 'tệp bộ tiêu chí JSON hoặc mã bộ có sẵn')
    .option('--from-year <year>', 'năm bắt đầu áp dụng (mặc định: năm hiệu lực của bộ tiêu chí)')
    .action(async (code: string, o: { criteria: string; fromYear?: string }) => {
      const set = await criteriaFrom(o.criteria);
      const fromYear = o.fromYear ? parseYear(o.fromYear) : undefined;
      const r = await withDb((db) => publishCriteriaVersion(db, SYSTEM_ACTOR, code, { set, fromYear }));
      process.stdout.write(
        `Đã công bố bộ tiêu chí ${set.code}@${set.version} cho phong trào ${r.code}, áp dụng các năm ${r.years.join(', ')}; ${r.recomputed} hồ sơ đang mở được tính lại.\n`,
      );
    });
}
