/** An area: profile, titles by year, registrations, reorganisation history; register for this year. */
import { Alert, Badge, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { api } from '../api';
import { CURRENT_YEAR, PROGRAM } from '../App';
import { formatDate } from '../../core/text/format';
import { Loaded, useLoad } from '../components/Load';
import { useT } from '../i18n/index';
import { go } from '../route';
import { statusLabel, stepLabel } from '../labels';

interface Overview {
  unit: { id: number; name: string; kind: string; households: number | null; ancestors: Array<{ id: number; name: string }> };
  titles: Array<{ year: number; titleName: string | null; status: string }>;
  registrations: Array<{ id: number; year: number; status: string; titleCode: string | null }>;
  history: Array<{ kind: string; effectiveDate: string; legalBasis: string | null; note: string | null }>;
}

export function Area({ unitId }: { unitId: number }) {
  const { t } = useT();
  const state = useLoad(() => api<Overview>('GET', `/api/areas/${unitId}?program=${PROGRAM}`), [unitId]);
  const [error, setError] = useState('');
  const register = async () => {
    try {
      const reg = await api<{ id: number }>('POST', `/api/programs/${PROGRAM}/registrations`, { unitId, year: CURRENT_YEAR, titleCode: 'tqpttd', selfManagementContents: [] });
      go(`registration/${reg.id}`);
    } catch (e) { setError((e as Error).message); }
  };
  return (
    <Loaded state={state}>{(o) => {
      const current = o.registrations.find((r) => r.year === CURRENT_YEAR);
      return (
        <Stack>
          <Text size="sm" c="dimmed">{o.unit.ancestors.map((a) => a.name).join(' › ')}</Text>
          <Title order={2}>{o.unit.name}</Title>
          {o.unit.households !== null && <Text>{t.households}: {o.unit.households}</Text>}
          <Title order={3} size="h4">{t.registrations} {CURRENT_YEAR}</Title>
          {current ? (
            <Button component="a" href={`#/registration/${current.id}`}>{t.scorecard} — {stepLabel(current.status)}</Button>
          ) : <Button onClick={register}>{t.register}</Button>}
          {error && <Alert color="red" role="alert">{error}</Alert>}
          <Title order={3} size="h4">{t.titlesHeld}</Title>
          {o.titles.length === 0 ? <Text>{t.none}</Text> : (
            <Table><Table.Tbody>{o.titles.map((x) => (
              <Table.Tr key={x.year}><Table.Td>{x.year}</Table.Td><Table.Td>{x.titleName}</Table.Td><Table.Td><Badge variant="light">{statusLabel(x.status)}</Badge></Table.Td></Table.Tr>
            ))}</Table.Tbody></Table>
          )}
          <Title order={3} size="h4">{t.history}</Title>
          {o.history.length === 0 ? <Text>{t.none}</Text> : o.history.map((h) => <Text key={h.effectiveDate + h.kind}>{formatDate(h.effectiveDate)}: {h.note ?? h.kind} {h.legalBasis ? `(${h.legalBasis})` : ''}</Text>)}
        </Stack>
      );
    }}</Loaded>
  );
}
