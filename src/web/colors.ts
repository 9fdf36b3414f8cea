/**
 * Colours that carry meaning, chosen dark enough for white text to pass WCAG
 * AA (4.5:1): Mantine's green 9 gives 4.36:1 and orange 9 3.9:1, too little
 * for a badge read in the sun.
 */
export const PASS = '#1b5e20';
export const FAIL = '#a51d1d';
export const WAIT = '#8a3a0c';
