/**
 * A number typed the Vietnamese way — "120,5", "2.000.000" — and shown back
 * the same way once the field is left. A plain text box with a numeric
 * keyboard: Mantine's NumberInput reads "120,5" as 1205 unless told, and
 * every field here must agree. What cannot be read is said at the field.
 */
import { TextInput, type TextInputProps } from '@mantine/core';
import { useEffect, useState } from 'react';
import { parseLocaleNumber } from '../../core/text/number';
import { formatNumber } from '../../core/text/format';
import { fill, useT } from '../i18n/index';

export interface NumberFieldProps extends Omit<TextInputProps, 'value' | 'onChange' | 'error'> {
  value: number | null;
  onChange: (value: number | null) => void;
  min?: number;
  max?: number;
  /** Whole numbers only (money in đồng, counts). */
  integer?: boolean;
  /** A problem from elsewhere (the server) shown at this field. */
  error?: string;
}

/** Shown without grouping while typing, so the caret does not jump. */
const shown = (value: number | null) => (value === null ? '' : formatNumber(value));

export function numberProblem(
  text: string,
  t: { numberInvalid: string; numberWhole: string; numberMin: string; numberMax: string },
  rules: { min?: number; max?: number; integer?: boolean },
): string | null {
  if (!text.trim()) return null;
  const n = parseLocaleNumber(text);
  if (n === null) return t.numberInvalid;
  if (rules.integer && !Number.isInteger(n)) return t.numberWhole;
  if (rules.min !== undefined && n < rules.min) return fill(t.numberMin, { min: rules.min });
  if (rules.max !== undefined && n > rules.max) return fill(t.numberMax, { max: rules.max });
  return null;
}

export function NumberField({ value, onChange, min, max, integer, error, ...rest }: NumberFieldProps) {
  const { t } = useT();
  const [text, setText] = useState(shown(value));
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused && parseLocaleNumber(text) !== value) setText(shown(value));
  }, [value, focused, text]);
  const problem = numberProblem(text, t, { min, max, integer });
  return (
    <TextInput
      {...rest}
      inputMode={integer ? 'numeric' : 'decimal'}
      value={text}
      error={problem ?? error}
      onFocus={() => setFocused(true)}
      onBlur={() => {
        setFocused(false);
        if (!problem && text.trim()) setText(shown(parseLocaleNumber(text)));
      }}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        if (!next.trim()) return onChange(null);
        if (!numberProblem(next, t, { min, max, integer })) onChange(parseLocaleNumber(next));
      }}
    />
  );
}
