/**
 * A unit's reorganisations (merged, split, renamed, moved, dissolved) with
 * their dates and legal basis. The area screen shows an area's; this shows
 * any unit's, wards and communes included, which the unit tree cannot.
 */
import { Stack, Text, Title } from '@mantine/core';
import { formatDate } from '../../core/text/date';
import { fill, useT } from '../i18n/index';
import { useQuery } from '@tanstack/react-query';
import { queries } from '../api/queries';
import { QueryState } from './QueryState';

export function UnitHistory({ unit, version }: { unit: { id: number; name: string }; version: number }) {
  const { t } = useT();
  // `version` changes after a reorganisation: the key includes it so the history is read again.
  const state = useQuery({ ...queries.unitHistory(unit.id), queryKey: ['unit-history', unit.id, version] });
  const kindWord = (k: string) => (k === 'merge' || k === 'split' || k === 'rename' || k === 'move' || k === 'close' ? t[k] : k);
  return (
    <Stack gap="xs" data-testid="unit-history">
      <Title order={3} size="h4">
        {fill(t.unitHistoryOf, { name: unit.name })}
      </Title>
      <QueryState query={state}>
        {(events) =>
          events.length === 0 ? (
            <Text size="sm">{t.none}</Text>
          ) : (
            <>
              {events.map((e, i) => (
                <div key={i}>
                  <Text size="sm">
                    <b>{formatDate(e.effectiveDate)}</b> —{' '}
                    {e.note ?? `${kindWord(e.kind)}: ${e.from.map((u) => u.name).join(', ')} → ${e.to.map((u) => u.name).join(', ')}`}
                  </Text>
                  {e.legalBasis && <Text size="sm">{e.legalBasis}</Text>}
                </div>
              ))}
            </>
          )
        }
      </QueryState>
    </Stack>
  );
}
