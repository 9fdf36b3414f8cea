/**
 * `kdc evaluate --set SET_OR_FILE --input FILE [--format json|table]`.
 * Scripts depend on the JSON output: see docs/cli.md for the contract.
 */
import type { Command } from 'commander';
import { parseBatch } from '../../core/evaluation/batch';
import { evaluate } from '../../core/evaluation/evaluate';
import type { Verdict } from '../../core/evaluation/types';
import { unusableReason } from '../../core/criteria/validate';
import { CliError } from '../errors';
import { readJson, resolveSet } from '../io';

/** The public shape of one result; extra engine detail stays out of the contract. */
export function toContract(v: Verdict) {
  // Criteria judged from records (titles held, shares, figures) say what they rested on.
  const fromRecords = v.criteria
    .filter((c) => c.fromRecords)
    .map((c) => ({
      code: c.code,
      status: c.status,
      ...(c.source ? { source: c.source } : {}),
      ...(c.shortfall ? { shortfall: c.shortfall } : {}),
      ...(c.detail ? { detail: c.detail } : {}),
    }));
  return {
    area: v.area,
    recognized: v.recognized,
    title: v.title,
    sections: v.sections.map((s) => ({ code: s.code, passed: s.passed, applicable: s.applicable, ok: s.ok })),
    disqualifiedBy: v.disqualifiedBy,
    reasons: v.reasons,
    titleName: v.titleName,
    gap: v.gap,
    ...(v.totalPoints !== undefined ? { totalPoints: v.totalPoints, maxTotalPoints: v.maxTotalPoints } : {}),
    ...(fromRecords.length ? { fromRecords } : {}),
  };
}

function table(verdicts: Verdict[]): string {
  const lines: string[] = [];
  for (const v of verdicts) {
    const result = v.recognized ? `ĐẠT — ${v.titleName}` : 'KHÔNG ĐẠT';
    const sections = v.sections.map((s) => `${s.code}: ${s.passed}/${s.applicable}${s.ok ? '' : ' ✗'}`).join('  ');
    lines.push(`${v.area}\t${result}`, `  Tiêu chuẩn  ${sections}`);
    for (const r of v.reasons) lines.push(`  - ${r}`);
    if (v.gap && v.gap.changes > 0)
      lines.push(`  Khoảng cách tới «${v.gap.levelName}»: ${v.gap.changes} thay đổi${v.gap.reachable ? '' : ' (không thể đạt trong năm nay)'}`);
  }
  const recognized = verdicts.filter((v) => v.recognized).length;
  lines.push('', `Tổng: ${verdicts.length} khu dân cư, ${recognized} đạt, ${verdicts.length - recognized} không đạt.`);
  return lines.join('\n');
}

export function registerEvaluateCommand(program: Command): void {
  program
    .command('evaluate')
    .description('Đánh giá các khu dân cư theo một bộ tiêu chí')
    .requiredOption('--set <set>', 'mã bộ tiêu chí có sẵn hoặc đường dẫn tệp bộ tiêu chí')
    .requiredOption('--input <file>', 'tệp JSON: mảng { area, kind, values } ("-" để đọc từ stdin)')
    .option('--format <format>', 'json | table', 'table')
    .action((options: { set: string; input: string; format: string }) => {
      if (!['json', 'table'].includes(options.format)) throw new CliError(`Định dạng "${options.format}" không hỗ trợ; dùng json hoặc table`);
      const set = resolveSet(options.set);
      const unusable = unusableReason(set);
      if (unusable) throw new CliError(unusable, 2);
      const batch = parseBatch(set, readJson(options.input));
      if (!batch.ok) throw new CliError(batch.message, 2);
      const verdicts = batch.items.map((ctx) => evaluate(set, ctx));
      process.stdout.write(options.format === 'json' ? `${JSON.stringify(verdicts.map(toContract), null, 2)}\n` : `${table(verdicts)}\n`);
    });
}
