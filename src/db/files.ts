/**
 * The embedded database's folder on disk. It holds every record, password
 * hash and evidence file, so only the account running KDC may read it: the
 * folder is 0700 and its files 0600 (PGlite unpacks its initial files as
 * 0666; the server and `kdc` also run with umask 077 so new files follow).
 *
 * Only one process may open it at a time: two PGlite instances on one folder
 * each keep their own view and the second one's writes corrupt the first's.
 * A lock file with the owner's process id says who has it.
 */
import { chmodSync, closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../app/errors';

export const LOCK_FILE = 'kdc.lock';

/** Creates the folder if needed and makes it and everything in it private to this account. */
export function makePrivate(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const walk = (path: string) => {
    chmodSync(path, 0o700);
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) chmodSync(child, 0o600);
    }
  };
  walk(dir);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes the folder for this process, or says which process has it. Returns the release. */
export function lockDataDir(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) {
        throw new AppError(
          'conflict',
          `Thư mục dữ liệu ${dir} đang được một tiến trình KDC khác dùng (tiến trình ${owner}, thường là máy chủ). ` +
            'Hai tiến trình cùng mở cơ sở dữ liệu nhúng sẽ làm hỏng dữ liệu: hãy dừng máy chủ rồi chạy lại lệnh (hoặc dùng PostgreSQL).',
        );
      }
      rmSync(path, { force: true }); // left by a process that has ended
    }
  }
  throw new AppError('conflict', `Không giữ được thư mục dữ liệu ${dir}`);
}
