/**
 * `kdc criteria validate FILE`, `kdc criteria show SET`, `kdc criteria list`;
 * `kdc criteria template | import | export` for sets typed in Excel, and
 * `kdc criteria form SET` for the blank self-assessment form a village fills.
 *
 * `show` is how an official reads a set as KDC understands it, so it says in
 * words what the JSON only implies: which words are the document's and which
 * the set's own (`lead`), which are not yet checked against the official text,
 * which criteria KDC judges from its records (titles held, shares of areas,
 * figures), the subject, the period, the thresholds and rewards, and for a
 * template what a province still has to complete.
 */
import type { Command } from 'commander';
import { builtinSets } from '../../core/criteria/builtin/index';
import type { CriteriaSet, Criterion, CriterionPart, Level } from '../../core/criteria/schema';
import { setGaps } from '../../core/criteria/validate';
import { flattenCriteria, maxPointsOf, wordingParts } from '../../core/criteria/walk';
import { barsText, conditionText, judgingText, legalBasisText, levelConditions } from '../../core/criteria/words';
import { formatNumber } from '../../core/text/format';
import { formatDate, formatDayMonth } from '../../core/text/date';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
// The spreadsheet and document libraries load only for the commands that use them (issue 15: `kdc criteria list` starts at once).
const spreadsheets = () => import('../../app/criteria/xlsx');
const documents = () => import('../../documents/index');
import { parseYear } from '../database';
import { CliError } from '../errors';
import { loadSetFile, readText, resolveSet } from '../io';

const UNVERIFIED = '[chưa đối chiếu nguyên văn]';
const OWN_WORDS = '[lời của bộ tiêu chí]';

/* ───────────── The set as a whole ───────────── */

function flags(set: CriteriaSet): string {
  return `${set.template ? ' [KHUNG MẪU]' : ''}${set.illustrative ? ' [MINH HỌA]' : ''}`;
}

const SUBJECT_TEXT: Record<CriteriaSet['subject'], string> = {
  area: 'khu dân cư (thôn, tổ dân phố, bản)',
  commune: 'xã, phường, thị trấn, đặc khu',
  street: 'tuyến đường, phố (tuyến phố thuộc phường)',
};

function periodText(set: CriteriaSet): string {
  if (!set.period) return 'năm dương lịch (01/01 đến 31/12 năm đánh giá)';
  const { from, to } = set.period;
  return from > to
    ? `từ ${formatDayMonth(from)} năm trước đến ${formatDayMonth(to)} năm đánh giá`
    : `từ ${formatDayMonth(from)} đến ${formatDayMonth(to)} năm đánh giá`;
}

/* ───────────── Conditions and thresholds in words ───────────── */

function levelLines(set: CriteriaSet, level: Level): string[] {
  const rule = level.rule;
  const conditions = levelConditions(set, level);
  const lines = [`  ${level.code}: ${level.name}`];
  lines.push(conditions.length ? `    Điều kiện: ${conditions.join('; ')}` : '    Chưa có ngưỡng (tỉnh quy định)');
  const overrides = rule.overrides ?? [];
  const indent = overrides.length > 1 ? '      ' : '    ';
  if (overrides.length > 1) lines.push('    Ngưỡng riêng, áp dụng ngưỡng đầu tiên phù hợp:');
  for (const o of overrides) lines.push(`${indent}Riêng nơi ${conditionText(o.when)}: ${barsText(o).join('; ')}`);
  if (level.reward) lines.push(`    Thưởng: ${formatNumber(level.reward.coefficient)} × mức lương cơ sở (${level.reward.basis})`);
  return lines;
}

/* ───────────── Criteria in words ───────────── */

function pointsTag(item: Criterion | CriterionPart): string {
  if (item.kind !== 'points') return '';
  const own = item.maxPoints !== undefined || ('parts' in item && item.parts?.length);
  return own ? ` [tối đa ${formatNumber(maxPointsOf(item))} điểm]` : ' [chưa có điểm tối đa]';
}

/** The wording, the set's own words marked apart, then the unchecked mark for the document's words. */
function wordingText(item: Criterion | CriterionPart): string {
  const lines = wordingParts(item, null).map((w) => [w.lead ? `${OWN_WORDS} «${w.lead}»` : '', w.text].filter(Boolean).join(' '));
  // A placeholder already says it in its own words; an empty text (only the set's own words) has nothing to check.
  const mark = item.wording === 'unverified' && item.text && !item.text.includes('chưa đối chiếu nguyên văn') ? ` ${UNVERIFIED}` : '';
  return `${lines.join('\n      ')}${mark}`;
}

function itemLines(item: Criterion | CriterionPart, indent: string): string[] {
  const lines = [`${indent}${item.code}${pointsTag(item)} ${wordingText(item)}`];
  const judging = judgingText(item);
  if (judging) lines.push(`${indent}    ${judging}`);
  if ('appliesTo' in item && item.appliesTo) lines.push(`${indent}    Chỉ áp dụng khi: ${conditionText(item.appliesTo)}`);
  if ('note' in item && item.note) lines.push(`${indent}    Ghi chú: ${item.note}`);
  return lines;
}

/* ───────────── The commands ───────────── */

function showText(set: CriteriaSet): string {
  const lines: string[] = [];
  const status = set.template ? ' — KHUNG MẪU, TỈNH CẦN HOÀN THIỆN TRƯỚC KHI DÙNG' : set.illustrative ? ' — BỘ MINH HỌA, KHÔNG PHẢI VĂN BẢN CHÍNH THỨC' : '';
  lines.push(`${set.name}${status}`);
  lines.push(`Mã ${set.code}, phiên bản ${set.version}; ${legalBasisText(set)}`);
  if (set.legalBasis.title) lines.push(`Trích yếu: ${set.legalBasis.title}`);
  lines.push(`Hiệu lực từ ${formatDate(set.validFrom)}${set.validTo ? ` đến ${formatDate(set.validTo)}` : ''}`);
  lines.push(`Đối tượng xét: ${SUBJECT_TEXT[set.subject]}`);
  lines.push(`Kỳ đánh giá: ${periodText(set)}`);
  lines.push(
    `Cách đánh giá: ${set.scoring === 'points' ? 'chấm điểm' : 'đạt / không đạt từng tiêu chí'}${set.allowNa ? '' : '; không được đánh dấu «không áp dụng»'}`,
  );
  const criteria = flattenCriteria(set).map(({ criterion }) => criterion);
  const items = criteria.flatMap((c) => [c, ...(c.parts ?? [])]);
  const unverified = [...set.sections, ...items, ...set.disqualifiers].some((t) => t.wording === 'unverified');
  const ownWords = items.some((i) => i.lead) || criteria.some((c) => c.variants?.some((v) => v.lead));
  const legend = [
    unverified ? `${UNVERIFIED} lời chưa đối chiếu với văn bản chính thức` : '',
    ownWords ? `${OWN_WORDS} lời do người soạn bộ tiêu chí thêm, không có trong văn bản` : '',
  ].filter(Boolean);
  if (legend.length) lines.push(`Chú thích: ${legend.join('; ')}.`);
  for (const section of set.sections) {
    lines.push('', `${section.title}${section.wording === 'unverified' ? ` ${UNVERIFIED}` : ''}`);
    if (section.note) lines.push(`  Ghi chú: ${section.note}`);
    if (!section.criteria.length) lines.push('  (chưa có tiêu chí)');
    for (const c of section.criteria) {
      lines.push(...itemLines(c, '  '));
      for (const p of c.parts ?? []) lines.push(...itemLines(p, '    '));
    }
  }
  if (set.disqualifiers.length) {
    lines.push('', 'Các trường hợp không đảm bảo (loại trừ):');
    for (const d of set.disqualifiers) lines.push(`  ${d.code} ${d.text}${d.wording === 'unverified' ? ` ${UNVERIFIED}` : ''}`);
  }
  lines.push('', 'Danh hiệu:');
  for (const l of [...set.levels].sort((a, b) => a.rank - b.rank)) lines.push(...levelLines(set, l));
  if (set.template) {
    lines.push('', 'Tỉnh cần hoàn thiện trước khi dùng:');
    for (const gap of setGaps(set)) lines.push(`  - ${gap.message}`);
  }
  if (set.notes) lines.push('', 'Ghi chú của bộ tiêu chí:', ...set.notes.split('\n').map((l) => (l ? `  ${l}` : '')));
  return `${lines.join('\n')}\n`;
}

function listJson() {
  return builtinSets.map((s) => ({
    code: s.code,
    version: s.version,
    name: s.name,
    legalBasis: s.legalBasis,
    legalBasisText: legalBasisText(s),
    validFrom: s.validFrom,
    validTo: s.validTo,
    subject: s.subject,
    scoring: s.scoring,
    template: s.template,
    illustrative: s.illustrative,
  }));
}

function checkFormat(format: string, allowed: string[]): void {
  if (!allowed.includes(format)) throw new CliError(`Định dạng "${format}" không hỗ trợ; dùng ${allowed.join(' hoặc ')}`, 2);
}

const isWorkbook = (file: string) => /\.xlsx$/i.test(file);

/** A criteria workbook read through the same validation as a JSON file; every problem at its sheet, row and column. */
async function loadWorkbook(file: string): Promise<CriteriaSet> {
  readText(file); // the same Vietnamese messages for a missing file or a folder
  const { readCriteriaWorkbook, describeCriteriaProblems } = await spreadsheets();
  const result = await readCriteriaWorkbook(readFileSync(file), basename(file));
  if (!result.ok)
    throw new CliError(`Tệp ${file} có ${formatNumber(result.problems.length)} lỗi, chưa ghi gì:\n${describeCriteriaProblems(result.problems)}`, 2);
  return result.set;
}

/** A built-in code, a JSON file or a filled workbook (.xlsx). */
async function resolveAnySet(codeOrFile: string): Promise<CriteriaSet> {
  return isWorkbook(codeOrFile) ? loadWorkbook(codeOrFile) : resolveSet(codeOrFile);
}

function summaryText(set: CriteriaSet): string {
  const criteria = flattenCriteria(set).length;
  return `${set.name} (mã ${set.code}, phiên bản ${set.version}) — ${set.sections.length} tiêu chuẩn, ${criteria} tiêu chí, ${set.disqualifiers.length} trường hợp loại trừ, ${set.levels.length} danh hiệu.`;
}

export function registerCriteriaCommands(program: Command): void {
  const criteria = program.command('criteria').description('Bộ tiêu chí: kiểm tra, xem, liệt kê, nhập từ Excel, xuất, in phiếu tự đánh giá');

  criteria
    .command('validate')
    .description('Kiểm tra một tệp bộ tiêu chí (JSON, hoặc Excel điền từ mẫu)')
    .argument('<file>', 'đường dẫn tệp .json hoặc .xlsx')
    .action(async (file: string) => {
      const set = isWorkbook(file) ? await loadWorkbook(file) : loadSetFile(file);
      const summary = summaryText(set);
      if (!set.template) {
        process.stdout.write(`Hợp lệ: ${summary}\n`);
        return;
      }
      const gaps = setGaps(set).map((g) => `  - ${g.path}: ${g.message}\n`);
      const next = gaps.length ? '; tỉnh cần hoàn thiện:' : ': đã đủ ngưỡng và điểm, đổi "template" thành false (và đặt mã riêng của tỉnh) để dùng.';
      process.stdout.write(`Hợp lệ (bộ khung mẫu): ${summary}\nBộ khung mẫu chưa dùng được để đánh giá${next}\n${gaps.join('')}`);
    });

  criteria
    .command('list')
    .description('Liệt kê các bộ tiêu chí có sẵn, với căn cứ ban hành')
    .option('--format <format>', 'text | json', 'text')
    .action((options: { format: string }) => {
      checkFormat(options.format, ['text', 'json']);
      if (options.format === 'json') {
        process.stdout.write(`${JSON.stringify(listJson(), null, 2)}\n`);
        return;
      }
      for (const set of builtinSets) process.stdout.write(`${set.code}@${set.version}\t${set.name}\t${legalBasisText(set)}${flags(set)}\n`);
    });

  criteria
    .command('template')
    .description('Ghi mẫu Excel để nhập bộ tiêu chí: trang hướng dẫn, các trang tiêu chuẩn, tiêu chí, trường hợp loại trừ, danh hiệu')
    .requiredOption('--out <file>', 'tệp .xlsx sẽ ghi')
    .action(async (o: { out: string }) => {
      writeFileSync(o.out, await (await spreadsheets()).writeCriteriaTemplate());
      process.stdout.write(`Đã ghi mẫu ${o.out}\n`);
    });

  criteria
    .command('import')
    .description('Đọc bộ tiêu chí từ tệp Excel (điền từ mẫu), kiểm tra như lệnh validate, ghi tệp JSON')
    .argument('<file>', 'tệp .xlsx')
    .option('--out <file>', 'tệp JSON sẽ ghi (không có: in ra màn hình)')
    .action(async (file: string, o: { out?: string }) => {
      const set = await loadWorkbook(file);
      const json = `${JSON.stringify(set, null, 2)}\n`;
      if (!o.out || o.out === '-') {
        process.stdout.write(json);
        return;
      }
      writeFileSync(o.out, json);
      process.stdout.write(`Đã ghi ${o.out}: ${summaryText(set)}\n`);
    });

  criteria
    .command('export')
    .description('Ghi một bộ tiêu chí (mã có sẵn hoặc tệp JSON) ra tệp Excel theo mẫu, để sửa thành phiên bản mới')
    .argument('<set>', 'mã bộ tiêu chí (vd. laichau-tqpttd, code@version) hoặc đường dẫn tệp')
    .requiredOption('--out <file>', 'tệp .xlsx sẽ ghi')
    .action(async (code: string, o: { out: string }) => {
      const set = await resolveAnySet(code);
      writeFileSync(o.out, await (await spreadsheets()).writeCriteriaWorkbook(set));
      process.stdout.write(`Đã ghi ${o.out}: ${summaryText(set)}\n`);
    });

  criteria
    .command('form')
    .description('Phiếu tự đánh giá (DOCX) để khu dân cư điền trên giấy')
    .argument('<set>', 'mã bộ tiêu chí, tệp JSON hoặc tệp .xlsx')
    .requiredOption('--out <file>', 'tệp .docx sẽ ghi')
    .option('--year <year>', 'năm đánh giá in trên phiếu')
    .action(async (code: string, o: { out: string; year?: string }) => {
      const set = await resolveAnySet(code);
      writeFileSync(o.out, await (await documents()).renderCriteriaForm({ set, year: o.year ? parseYear(o.year) : null }));
      process.stdout.write(`Đã ghi phiếu tự đánh giá ${o.out}\n`);
    });

  criteria
    .command('show')
    .description('Hiển thị một bộ tiêu chí (mã có sẵn hoặc tệp .json, .xlsx)')
    .argument('<set>', 'mã bộ tiêu chí (vd. laichau-tqpttd) hoặc đường dẫn tệp')
    .option('--format <format>', 'text | json', 'text')
    .action(async (code: string, options: { format: string }) => {
      checkFormat(options.format, ['text', 'json']);
      const set = await resolveAnySet(code);
      process.stdout.write(options.format === 'json' ? `${JSON.stringify(set, null, 2)}\n` : showText(set));
    });
}
