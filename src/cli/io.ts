/** File and set loading for the CLI: reads, parses, and explains failures in Vietnamese. */
import { readFileSync } from 'node:fs';
import { findBuiltinSet, builtinSets } from '../core/criteria/builtin/index';
import type { CriteriaSet } from '../core/criteria/schema';
import { describeProblems, parseCriteriaSet } from '../core/criteria/validate';
import { CliError } from './errors';

export function readText(file: string): string {
  try {
    return file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`Không tìm thấy tệp ${file}`);
    if (code === 'EISDIR') throw new CliError(`${file} là một thư mục, không phải tệp`);
    throw new CliError(`Không đọc được tệp ${file} (${code ?? 'lỗi không rõ'})`);
  }
}

export function readJson(file: string): unknown {
  const text = readText(file).replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`Tệp ${file} không phải JSON hợp lệ: ${(error as Error).message}`);
  }
}

export function loadSetFile(file: string): CriteriaSet {
  const result = parseCriteriaSet(readJson(file));
  if (!result.ok) throw new CliError(`Bộ tiêu chí không hợp lệ:\n${describeProblems(file, result.problems)}`);
  return result.set;
}

/** A built-in code ("laichau-tqpttd", optionally "code@version") or a path to a set file. */
export function resolveSet(codeOrFile: string): CriteriaSet {
  const [code, version] = codeOrFile.split('@');
  const builtin = findBuiltinSet(code ?? '', version);
  if (builtin) return builtin;
  if (/[/\\.]/.test(codeOrFile)) return loadSetFile(codeOrFile);
  throw new CliError(`Không có bộ tiêu chí "${codeOrFile}". Bộ có sẵn: ${builtinSets.map((s) => s.code).join(', ')}; hoặc chỉ đường dẫn tới tệp JSON.`);
}
