/** `kdc serve`: the web server (what `npm start` runs). */
import type { Command } from 'commander';

export function registerServerCommands(program: Command): void {
  program
    .command('serve')
    .description('Chạy máy chủ web (cổng PORT, mặc định 3000)')
    .action(async () => {
      const { startServer } = await import('../../server/main');
      await startServer();
    });
}
