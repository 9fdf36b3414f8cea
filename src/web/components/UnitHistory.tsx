/**
 * A unit's reorganisations (merged, split, renamed, moved, dissolved) with
 * their dates and legal basis. The area screen shows an area's; this shows
 * any unit's, wards and communes included, which the unit tree cannot.
 */
import { Stack, Text, Title } from '@mantine/core';
import { api } from '../api';
import { formatDate } from '../../core/text/format';
import { fill, useT } from '../i18n/index';
import { Loaded, useLoad } from './Load';

interface UnitEvent { kind: string; effectiveDate: string; legalBasis: string | null; note: string | null; from: Array<{ id: number; name: string }>; to: Array<{ id: number; name: string }> }

export function UnitHistory({ unit, version }: { unit: { id: number; name: string }; version: number }) {
  const { t } = useT();
  const state = useLoad(() => api<UnitEvent[]>('GET', `/api/units/${unit.id}/history`), [unit.id, version]);
  const kindWord = (k: string) => (k === 'merge' || k === 'split' || k === 'rename' || k === 'move' || k === 'close' ? t[k] : k);
  return (
    <Stack gap="xs" data-testid="unit-history">
      <Title order={3} size="h4">{fill(t.unitHistoryOf, { name: unit.name })}</Title>
      <Loaded state={state}>{(events) => events.length === 0 ? <Text size="sm">{t.none}</Text> : (
        <>{events.map((e, i) => (
          <div key={i}>
            <Text size="sm"><b>{formatDate(e.effectiveDate)}</b> — {e.note ?? `${kindWord(e.kind)}: ${e.from.map((u) => u.name).join(', ')} → ${e.to.map((u) => u.name).join(', ')}`}</Text>
            {e.legalBasis && <Text size="xs" c="dimmed">{e.legalBasis}</Text>}
          </div>
        ))}</>
      )}</Loaded>
    </Stack>
  );
}
