/** Drafting and issuing a recognition decision; issued decisions lock their scores. */
import { Alert, Badge, Button, Checkbox, Stack, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { api } from '../api';
import { CURRENT_YEAR, PROGRAM } from '../App';
import { formatDate } from '../../core/text/format';
import { Loaded, useLoad } from '../components/Load';
import { useT } from '../i18n/index';
import { decisionStatusLabel } from '../labels';

interface DecisionRow { id: number; number: string; issuedOn: string; status: string; areaCount: number; year: number }
interface AreaRow { unitName: string; communeName: string | null; registrationId: number | null }

export function Decisions() {
  const { t } = useT();
  const list = useLoad(() => api<DecisionRow[]>('GET', `/api/programs/${PROGRAM}/decisions`), []);
  const candidates = useLoad(() => api<AreaRow[]>('GET', `/api/programs/${PROGRAM}/areas?year=${CURRENT_YEAR}&status=council-recommended`), []);
  const [chosen, setChosen] = useState<number[]>([]);
  const [form, setForm] = useState({ number: '', issuedOn: `${CURRENT_YEAR}-11-18`, signer: '', issuingBody: 'Ủy ban nhân dân thành phố Lai Châu' });
  const [message, setMessage] = useState('');
  const createAndIssue = async () => {
    try {
      const draft = await api<{ id: number }>('POST', `/api/programs/${PROGRAM}/decisions`, { year: CURRENT_YEAR, titleCode: 'tqpttd', signerTitle: 'Chủ tịch', ...form, registrationIds: chosen });
      await api('POST', `/api/decisions/${draft.id}/issue`);
      setMessage(`${t.issue}: ${form.number}`);
      setChosen([]);
      list.reload();
      candidates.reload();
    } catch (e) { setMessage((e as Error).message); }
  };
  const field = (key: keyof typeof form, label: string) => <TextInput label={label} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.currentTarget.value })} />;
  return (
    <Stack>
      <Title order={2}>{t.decisions}</Title>
      <Loaded state={list}>{(rows) => (
        <Table><Table.Tbody>{rows.map((d) => (
          <Table.Tr key={d.id}><Table.Td>{d.year}</Table.Td><Table.Td><a href={`/api/decisions/${d.id}/document`}>{d.number}</a></Table.Td><Table.Td>{formatDate(d.issuedOn)}</Table.Td><Table.Td>{d.areaCount}</Table.Td><Table.Td><Badge variant="light">{decisionStatusLabel(d.status)}</Badge></Table.Td></Table.Tr>
        ))}</Table.Tbody></Table>
      )}</Loaded>
      <Title order={3} size="h4">{t.draftDecision} {CURRENT_YEAR}</Title>
      <Loaded state={candidates}>{(rows) => (
        <Stack gap={4} aria-label={t.chooseAreas}>
          {rows.filter((r) => r.registrationId).map((r) => (
            <Checkbox key={r.registrationId} label={`${r.unitName} (${r.communeName ?? ''})`} checked={chosen.includes(r.registrationId!)}
              onChange={(e) => setChosen(e.currentTarget.checked ? [...chosen, r.registrationId!] : chosen.filter((x) => x !== r.registrationId))} />
          ))}
        </Stack>
      )}</Loaded>
      {field('number', t.number)}
      {field('issuedOn', `${t.date} (YYYY-MM-DD)`)}
      {field('signer', t.signer)}
      {field('issuingBody', t.issuingBody)}
      <Button disabled={!chosen.length || !form.number || !form.signer} onClick={createAndIssue}>{t.issue}</Button>
      {message && <Alert role="status">{message}</Alert>}
    </Stack>
  );
}
