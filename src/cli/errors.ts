/**
 * An error meant for the person at the terminal: a Vietnamese message and an
 * exit code, printed without a stack trace.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
