/** `kdc serve`: placeholder replaced by the HTTP server. */
import type { Command } from 'commander';

export function registerServerCommands(_program: Command): void {}
