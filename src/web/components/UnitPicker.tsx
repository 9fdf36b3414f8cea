/**
 * Choosing one unit by typing part of its name: the server's unit search
 * (within the user's scope, diacritics optional). Many units share a name
 * ("Tổ dân phố số 5" exists in every ward), so each option shows the unit
 * above it as well, and says when a unit has closed.
 */
import { Select, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api, call } from '../api/client';
import type { UnitBrief } from '../api/types';
import { useT } from '../i18n/index';

export function UnitPicker({
  label,
  value,
  onChange,
  disabled,
  testId,
}: {
  label: string;
  value: UnitBrief | null;
  onChange: (unit: UnitBrief | null) => void;
  disabled?: boolean;
  testId?: string;
}) {
  const { t } = useT();
  const [search, setSearch] = useState(value?.name ?? '');
  const [results, setResults] = useState<UnitBrief[]>([]);
  useEffect(() => {
    // Choosing an option puts its name in the box: no need to search for it again.
    if (value && search === value.name && results.length) return;
    const id = setTimeout(() => {
      call(api.GET('/api/units', { params: { query: { q: search } } })).then(setResults, () => setResults([]));
    }, 250);
    return () => clearTimeout(id);
  }, [search]);
  useEffect(() => {
    setSearch(value?.name ?? '');
  }, [value?.id]);

  const options = value && !results.some((u) => u.id === value.id) ? [value, ...results] : results;
  return (
    <Select
      label={label}
      searchable
      clearable
      disabled={disabled}
      data-testid={testId}
      placeholder={t.findUnit}
      nothingFoundMessage={t.noUnitFound}
      searchValue={search}
      onSearchChange={setSearch}
      value={value ? String(value.id) : null}
      onChange={(id) => onChange(options.find((u) => String(u.id) === id) ?? null)}
      data={options.map((u) => ({ value: String(u.id), label: u.name }))}
      // The server already searched, ignoring diacritics: the box must not filter its answer again.
      filter={({ options: all }) => all}
      renderOption={({ option }) => {
        const unit = options.find((u) => String(u.id) === option.value);
        const below = [unit?.parentName, unit?.closed ? t.unitClosed : ''].filter(Boolean).join(' · ');
        return (
          <div>
            <Text size="sm">{option.label}</Text>
            {below && <Text size="xs">{below}</Text>}
          </div>
        );
      }}
    />
  );
}
