/** The board's and council's list: areas of this year with their status and verdict, bulk actions with a reason. */
import { Alert, Badge, Button, Checkbox, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { api } from '../api';
import { CURRENT_YEAR, PROGRAM } from '../App';
import { Loaded, useLoad } from '../components/Load';
import { useT } from '../i18n/index';
import { stepLabel } from '../labels';

interface AreaRow { unitId: number; unitName: string; communeName: string | null; registrationId: number | null; status: string | null; verdict: { recognized: boolean; reasons: string[] } | null }

export function Review() {
  const { t } = useT();
  const [status, setStatus] = useState<string | null>('self-assessed');
  const state = useLoad(() => api<AreaRow[]>('GET', `/api/programs/${PROGRAM}/areas?year=${CURRENT_YEAR}${status ? `&status=${status}` : ''}`), [status]);
  const [selected, setSelected] = useState<number[]>([]);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState('');
  const bulk = async (action: string) => {
    try {
      const res = await api<{ done: number[]; failed: Array<{ id: number; message: string }> }>('POST', '/api/registrations/bulk-actions', { ids: selected, action, reason: reason || undefined });
      setMessage(`${t.done}: ${res.done.length}. ${res.failed.map((f) => f.message).join('; ')}`);
      setSelected([]);
      state.reload();
    } catch (e) { setMessage((e as Error).message); }
  };
  const steps = ['registered', 'self-assessed', 'board-proposed', 'council-recommended', 'recognized'];
  return (
    <Stack>
      <Title order={2}>{t.review} {CURRENT_YEAR}</Title>
      <Select label={t.status} value={status} onChange={setStatus} clearable data={steps.map((s) => ({ value: s, label: stepLabel(s) }))} />
      <Loaded state={state}>{(rows) => (
        <Table striped>
          <Table.Thead><Table.Tr><Table.Th /><Table.Th>{t.area}</Table.Th><Table.Th>{t.status}</Table.Th><Table.Th>{t.verdict}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>{rows.filter((r) => r.registrationId).map((r) => (
            <Table.Tr key={r.unitId}>
              <Table.Td><Checkbox aria-label={r.unitName} checked={selected.includes(r.registrationId!)} onChange={(e) => setSelected(e.currentTarget.checked ? [...selected, r.registrationId!] : selected.filter((x) => x !== r.registrationId))} /></Table.Td>
              <Table.Td><a href={`#/registration/${r.registrationId}`}>{r.unitName}</a><Text size="xs" c="dimmed">{r.communeName}</Text></Table.Td>
              <Table.Td>{stepLabel(r.status)}</Table.Td>
              <Table.Td>{r.verdict ? <Badge color={r.verdict.recognized ? 'green.9' : 'red.8'}>{r.verdict.recognized ? t.recognized : t.notRecognized}</Badge> : '—'}</Table.Td>
            </Table.Tr>
          ))}</Table.Tbody>
        </Table>
      )}</Loaded>
      <TextInput label={t.bulkReason} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
      <Group>
        <Button disabled={!selected.length} onClick={() => bulk('propose')}>{t.propose}</Button>
        <Button disabled={!selected.length} onClick={() => bulk('recommend')}>{t.recommend}</Button>
        <Button disabled={!selected.length} variant="light" onClick={() => bulk('return')}>{t.returnBack}</Button>
      </Group>
      {message && <Alert role="status">{message}</Alert>}
    </Stack>
  );
}
