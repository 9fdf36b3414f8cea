/** The current language, switchable, remembered on the device. */
import { createContext, useContext } from 'react';
import { en } from './en';
import { vi, type Dictionary } from './vi';

export type Lang = 'vi' | 'en';
export const dictionaries: Record<Lang, Dictionary> = { vi, en };
export const I18nContext = createContext<{ t: Dictionary; lang: Lang; toggle: () => void }>({ t: vi, lang: 'vi', toggle: () => undefined });
export const useT = () => useContext(I18nContext);
