/**
 * The programme and the year every screen works in. They live in the
 * address (?program=…&year=…), so a link can be shared and the back button
 * undoes a switch; the last choice is remembered on the device and used when
 * the address names none. A programme the user cannot reach (a link from a
 * colleague of another commune) falls back to the first one they can, and
 * says so.
 */
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect } from 'react';
import { queries } from './api/queries';
import type { Program } from './api/types';

export const CURRENT_YEAR = new Date().getFullYear();
const PROGRAM_KEY = 'kdc-program';
const YEAR_KEY = 'kdc-year';

export interface ContextSearch {
  program?: string;
  year?: number;
}

/** Reads ?program and ?year as the router keeps them; anything else is left out. */
export function readContextSearch(search: Record<string, unknown>): ContextSearch {
  const year = Number(search.year);
  return {
    program: typeof search.program === 'string' && search.program ? search.program : undefined,
    year: Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : undefined,
  };
}

const stored = (key: string) => {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
};
const store = (key: string, value: string) => {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* private mode: the address still holds it */
  }
};

export interface ProgramYear {
  programs: Program[];
  /** Undefined while the list loads, or when the user can reach no programme. */
  program: Program | undefined;
  year: number;
  /** The address named a programme this user cannot reach. */
  unreachable: string | undefined;
  loading: boolean;
  /** Years to offer: those the programme has a criteria set for, this year and the one chosen. */
  years: number[];
}

export function useProgramYear(): ProgramYear {
  const search = readContextSearch(useSearch({ strict: false }) as Record<string, unknown>);
  const { data: programs = [], isPending } = useQuery(queries.programs());
  const reachable = (code: string | null | undefined) => (code ? programs.find((p) => p.code === code) : undefined);
  const program = reachable(search.program) ?? reachable(stored(PROGRAM_KEY)) ?? programs[0];
  const year = search.year ?? (Number(stored(YEAR_KEY)) || CURRENT_YEAR);
  const years = [...new Set([...(program?.years.map((y) => y.year) ?? []), CURRENT_YEAR, year])].sort((a, b) => b - a);
  const unreachable = search.program && !isPending && !reachable(search.program) ? search.program : undefined;
  return { programs, program, year, unreachable, loading: isPending, years };
}

/** Puts the programme and year in the address when it names none, and remembers the choice. */
export function useContextInAddress(context: ProgramYear): void {
  const navigate = useNavigate();
  const search = readContextSearch(useSearch({ strict: false }) as Record<string, unknown>);
  const code = context.program?.code;
  useEffect(() => {
    if (!code) return;
    store(PROGRAM_KEY, code);
    store(YEAR_KEY, String(context.year));
    if (search.program !== code || search.year !== context.year)
      void navigate({ to: '.', search: (prev: Record<string, unknown>) => ({ ...prev, program: code, year: context.year }), replace: true });
  }, [code, context.year, search.program, search.year, navigate]);
}
