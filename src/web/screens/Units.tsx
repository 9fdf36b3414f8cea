/** The unit tree with search that ignores case and diacritics ("sung phai" finds "Sùng Phài"). */
import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api, type UnitBrief } from '../api';
import { useT } from '../i18n/index';

const AREA_KINDS = ['thon', 'to-dan-pho', 'ban'];

function UnitNode({ unit }: { unit: UnitBrief & { childCount?: number } }) {
  const [children, setChildren] = useState<Array<UnitBrief & { childCount: number }> | null>(null);
  const isArea = AREA_KINDS.includes(unit.kind);
  const toggle = async () => setChildren(children ? null : await api('GET', `/api/units/${unit.id}/children`));
  return (
    <div>
      <Group gap="xs" wrap="nowrap">
        {isArea ? <a href={`#/area/${unit.id}`}>{unit.name}</a> : (
          <Button variant="subtle" size="compact-sm" onClick={toggle} aria-expanded={Boolean(children)}>{children ? '▾' : '▸'} {unit.name}</Button>
        )}
      </Group>
      {children && <div style={{ paddingLeft: 16 }}>{children.map((c) => <UnitNode key={c.id} unit={c} />)}</div>}
    </div>
  );
}

export function Units() {
  const { t } = useT();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<UnitBrief[]>([]);
  const [error, setError] = useState('');
  useEffect(() => {
    const id = setTimeout(() => {
      api<UnitBrief[]>('GET', `/api/units?q=${encodeURIComponent(query)}`).then(setResults, (e: Error) => setError(e.message));
    }, 250);
    return () => clearTimeout(id);
  }, [query]);
  return (
    <Stack>
      <Title order={2}>{t.units}</Title>
      <TextInput label={t.search} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
      {error && <Text c="red" role="alert">{error}</Text>}
      {results.map((u) => <UnitNode key={u.id} unit={u} />)}
    </Stack>
  );
}
