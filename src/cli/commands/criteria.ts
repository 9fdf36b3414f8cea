/** `kdc criteria validate FILE`, `kdc criteria show SET`, `kdc criteria list`. */
import type { Command } from 'commander';
import { builtinSets } from '../../core/criteria/builtin/index';
import { flattenCriteria, wordingFor } from '../../core/criteria/walk';
import { formatDate } from '../../core/text/format';
import { loadSetFile, resolveSet } from '../io';

export function registerCriteriaCommands(program: Command): void {
  const criteria = program.command('criteria').description('Bộ tiêu chí: kiểm tra, xem, liệt kê');

  criteria
    .command('validate')
    .description('Kiểm tra một tệp bộ tiêu chí (JSON)')
    .argument('<file>', 'đường dẫn tệp JSON')
    .action((file: string) => {
      const set = loadSetFile(file);
      const count = flattenCriteria(set).length;
      process.stdout.write(
        `Hợp lệ: ${set.name} (mã ${set.code}, phiên bản ${set.version}) — ${set.sections.length} tiêu chuẩn, ${count} tiêu chí, ${set.disqualifiers.length} trường hợp loại trừ, ${set.levels.length} danh hiệu.\n`,
      );
    });

  criteria
    .command('list')
    .description('Liệt kê các bộ tiêu chí có sẵn')
    .action(() => {
      for (const set of builtinSets)
        process.stdout.write(`${set.code}@${set.version}\t${set.name}${set.illustrative ? ' [MINH HỌA]' : ''}\n`);
    });

  criteria
    .command('show')
    .description('Hiển thị một bộ tiêu chí (mã có sẵn hoặc tệp)')
    .argument('<set>', 'mã bộ tiêu chí (vd. laichau-tqpttd) hoặc đường dẫn tệp')
    .option('--format <format>', 'text | json', 'text')
    .action((code: string, options: { format: string }) => {
      const set = resolveSet(code);
      if (options.format === 'json') {
        process.stdout.write(`${JSON.stringify(set, null, 2)}\n`);
        return;
      }
      const lines: string[] = [];
      lines.push(`${set.name}${set.illustrative ? ' — BỘ MINH HỌA, KHÔNG PHẢI VĂN BẢN CHÍNH THỨC' : ''}`);
      lines.push(`Mã ${set.code}, phiên bản ${set.version}; ${set.legalBasis.documentType} số ${set.legalBasis.number} ngày ${formatDate(set.legalBasis.date)} của ${set.legalBasis.issuer}`);
      lines.push(`Hiệu lực từ ${formatDate(set.validFrom)}${set.validTo ? ` đến ${formatDate(set.validTo)}` : ''}`);
      for (const section of set.sections) {
        lines.push('', section.title);
        for (const c of section.criteria) {
          const extra = c.kind === 'points' ? ` [tối đa ${c.maxPoints} điểm]` : c.quantity ? ` [định lượng]` : '';
          lines.push(`  ${c.code}${extra} ${wordingFor(c, null).replace(/\n/g, '\n      ')}`);
          for (const p of c.parts ?? []) lines.push(`    ${p.code} ${p.text}`);
        }
      }
      if (set.disqualifiers.length) {
        lines.push('', 'Các trường hợp không đảm bảo (loại trừ):');
        for (const d of set.disqualifiers) lines.push(`  ${d.code} ${d.text}`);
      }
      lines.push('', 'Danh hiệu:');
      for (const l of [...set.levels].sort((a, b) => a.rank - b.rank)) lines.push(`  ${l.code}: ${l.name}`);
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
