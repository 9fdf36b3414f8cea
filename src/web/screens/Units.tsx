/** The unit tree with search that ignores case and diacritics ("sung phai" finds "Sùng Phài"); areas open their page. */
import { Alert, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { AnchorLink } from '../components/links';
import { useState } from 'react';
import { queries } from '../api/queries';
import type { UnitBrief } from '../api/types';
import { QueryState } from '../components/QueryState';
import { useT } from '../i18n/index';
import { isOneOf } from '../../core/one-of';
import { AREA_KINDS } from '../../core/units/kinds';

function UnitNode({ unit }: { unit: Pick<UnitBrief, 'id' | 'name' | 'kind'> & { parentName?: string | null } }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const children = useQuery({ ...queries.children(unit.id), enabled: open });
  if (isOneOf(AREA_KINDS, unit.kind))
    return (
      <div>
        <AnchorLink to="/area/$unitId" params={{ unitId: unit.id }}>
          {unit.name}
        </AnchorLink>
        {unit.parentName && (
          <Text span size="sm">
            {' '}
            — {unit.parentName}
          </Text>
        )}
      </div>
    );
  return (
    <div>
      <Button variant="subtle" size="compact-sm" onClick={() => setOpen(!open)} aria-expanded={open}>
        {open ? '▾' : '▸'} {unit.name}
      </Button>
      {open && (
        <div style={{ paddingLeft: 16 }}>
          <QueryState query={children}>
            {(list) => (list.length ? list.map((c) => <UnitNode key={c.id} unit={c} />) : <Text size="sm">{t.none}</Text>)}
          </QueryState>
        </div>
      )}
    </div>
  );
}

export default function Units() {
  const { t } = useT();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const results = useQuery(queries.units(debounced));
  return (
    <Stack>
      <Title order={2}>{t.units}</Title>
      <TextInput label={t.search} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
      <QueryState query={results}>
        {(list) =>
          list.length === 0 ? (
            <Alert color="gray" role="status">
              {t.noUnitFound}
            </Alert>
          ) : (
            list.map((u) => <UnitNode key={u.id} unit={u} />)
          )
        }
      </QueryState>
    </Stack>
  );
}
