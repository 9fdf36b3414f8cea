/** The current language, switchable, remembered on the device. */
import { createContext, useContext } from 'react';
import { formatNumber } from '../../core/text/format';
import { en } from './en';
import { vi, type Dictionary } from './vi';

export type Lang = 'vi' | 'en';
export const dictionaries: Record<Lang, Dictionary> = { vi, en };
export const I18nContext = createContext<{ t: Dictionary; lang: Lang; toggle: () => void }>({ t: vi, lang: 'vi', toggle: () => undefined });
export const useT = () => useContext(I18nContext);

/**
 * Fills "{n} new unit{s}": each {name} with its value (numbers in the
 * Vietnamese way, 1.200), and {s} with "s" unless n is 1 — English needs the
 * plural, Vietnamese has none and simply leaves {s} out.
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    if (key === 's') return values.n === 1 ? '' : 's';
    const v = values[key];
    // A year is a name, not a quantity: 2026, never 2.026.
    if (key === 'year' && typeof v === 'number') return String(v);
    return v === undefined ? whole : typeof v === 'number' ? formatNumber(v) : v;
  });
}
