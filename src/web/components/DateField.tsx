/**
 * A date typed as Vietnamese people write it, day first: "20/11/2026"
 * (src/core/text/date.ts). The
 * value is the ISO day the API takes; the field shows dd/mm/yyyy and says at
 * the field, in Vietnamese, when the text is not a day.
 */
import { TextInput, type TextInputProps } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatDate, parseDayFirst } from '../../core/text/date';
import { useT } from '../i18n/index';

export interface DateFieldProps extends Omit<TextInputProps, 'value' | 'onChange' | 'error'> {
  /** "2026-11-20", or null while empty or unreadable. */
  value: string | null;
  onChange: (iso: string | null) => void;
  error?: string;
}

export function DateField({ value, onChange, error, ...rest }: DateFieldProps) {
  const { t } = useT();
  const [text, setText] = useState(value ? formatDate(value) : '');
  // A value set from outside (a default date) shows in the box; typing does not fight it.
  useEffect(() => {
    if (value && parseDayFirst(text) !== value) setText(formatDate(value));
  }, [value]);
  const bad = text.trim() !== '' && parseDayFirst(text) === null;
  return (
    <TextInput
      {...rest}
      placeholder="dd/mm/yyyy"
      inputMode="numeric"
      value={text}
      error={bad ? t.dateInvalid : error}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        onChange(parseDayFirst(next));
      }}
    />
  );
}
