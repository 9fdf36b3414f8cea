/**
 * Whether a text read from outside (a query string, a file, an API answer)
 * is one of a fixed list (src/core's kinds, roles, steps, statuses),
 * narrowing its type: callers test instead of casting.
 */
export function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}
