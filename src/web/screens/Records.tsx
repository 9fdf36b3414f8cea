/** Contributions (money, land, workdays) and the register of documents issued, entered by officers for a year. */
import { Alert, Button, Group, NumberInput, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { api, type UnitBrief } from '../api';
import { CURRENT_YEAR, PROGRAM } from '../App';
import { formatDate, formatMoney, formatNumber } from '../../core/text/format';
import { Loaded, useLoad } from '../components/Load';
import { useT } from '../i18n/index';

interface Records {
  contributions: Array<{ id: number; unitName: string; budgetAmount: number; peopleAmount: number; landM2: number; workdays: number }>;
  documents: Array<{ id: number; issuer: string; docType: string; number: string; issuedOn: string; summary: string }>;
}

export function RecordsScreen() {
  const { t } = useT();
  const [year, setYear] = useState(CURRENT_YEAR);
  const records = useLoad(() => api<Records>('GET', `/api/programs/${PROGRAM}/records?year=${year}`), [year]);
  // The units of my scope (city, ward) and its residential areas.
  const units = useLoad(async () => {
    const [roots, areas] = await Promise.all([
      api<UnitBrief[]>('GET', '/api/units'),
      api<Array<{ unitId: number; unitName: string; communeName: string | null }>>('GET', `/api/programs/${PROGRAM}/areas?year=${CURRENT_YEAR}`),
    ]);
    return [...roots.map((u) => ({ id: u.id, name: u.name })), ...areas.map((a) => ({ id: a.unitId, name: `${a.unitName} (${a.communeName ?? ''})` }))];
  }, []);
  const [money, setMoney] = useState({ unitId: '', budgetAmount: 0, peopleAmount: 0, landM2: 0, workdays: 0 });
  const [doc, setDoc] = useState({ unitId: '', issuer: '', docType: 'Kế hoạch', number: '', issuedOn: `${CURRENT_YEAR}-01-15`, summary: '' });
  const [message, setMessage] = useState('');
  const send = async (url: string, body: Record<string, unknown>) => {
    try {
      await api('POST', url, { ...body, year, unitId: Number(body.unitId) });
      setMessage(t.saved);
      records.reload();
    } catch (e) { setMessage((e as Error).message); }
  };
  const unitSelect = (value: string, onChange: (v: string) => void) => (
    <Loaded state={units}>{(list) => <Select label={t.units} value={value} onChange={(v) => onChange(v ?? '')} data={list.map((u) => ({ value: String(u.id), label: u.name }))} />}</Loaded>
  );
  return (
    <Stack>
      <Group justify="space-between"><Title order={2}>{t.records}</Title><NumberInput label={t.year} value={year} onChange={(v) => typeof v === 'number' && setYear(v)} w={120} /></Group>
      <Loaded state={records}>{(r) => (
        <>
          <Table aria-label={t.contributions}><Table.Tbody>{r.contributions.map((c) => (
            <Table.Tr key={c.id}><Table.Td>{c.unitName}</Table.Td><Table.Td>{formatMoney(c.budgetAmount)}</Table.Td><Table.Td>{formatMoney(c.peopleAmount)}</Table.Td><Table.Td>{formatNumber(c.landM2)} m²</Table.Td><Table.Td>{formatNumber(c.workdays)}</Table.Td></Table.Tr>
          ))}</Table.Tbody></Table>
          <Table aria-label={t.documentsIssued}><Table.Tbody>{r.documents.map((d) => (
            <Table.Tr key={d.id}><Table.Td>{d.docType} {d.number}</Table.Td><Table.Td>{formatDate(d.issuedOn)}</Table.Td><Table.Td>{d.issuer}</Table.Td><Table.Td>{d.summary}</Table.Td></Table.Tr>
          ))}</Table.Tbody></Table>
        </>
      )}</Loaded>
      <Title order={3} size="h4">{t.contributions}</Title>
      {unitSelect(money.unitId, (unitId) => setMoney({ ...money, unitId }))}
      <Group grow>
        <NumberInput label={t.budget} thousandSeparator="." decimalSeparator="," min={0} value={money.budgetAmount} onChange={(v) => setMoney({ ...money, budgetAmount: Number(v) || 0 })} />
        <NumberInput label={t.people} thousandSeparator="." decimalSeparator="," min={0} value={money.peopleAmount} onChange={(v) => setMoney({ ...money, peopleAmount: Number(v) || 0 })} />
        <NumberInput label={t.land} min={0} value={money.landM2} onChange={(v) => setMoney({ ...money, landM2: Number(v) || 0 })} />
        <NumberInput label={t.workdays} min={0} value={money.workdays} onChange={(v) => setMoney({ ...money, workdays: Number(v) || 0 })} />
      </Group>
      <Button disabled={!money.unitId} onClick={() => send(`/api/programs/${PROGRAM}/contributions`, money)}>{t.save}</Button>
      <Title order={3} size="h4">{t.documentsIssued}</Title>
      {unitSelect(doc.unitId, (unitId) => setDoc({ ...doc, unitId }))}
      <Group grow>
        <TextInput label={t.issuingBody} value={doc.issuer} onChange={(e) => setDoc({ ...doc, issuer: e.currentTarget.value })} />
        <TextInput label={t.docType} value={doc.docType} onChange={(e) => setDoc({ ...doc, docType: e.currentTarget.value })} />
        <TextInput label={t.number} value={doc.number} onChange={(e) => setDoc({ ...doc, number: e.currentTarget.value })} />
        <TextInput label={`${t.date} (YYYY-MM-DD)`} value={doc.issuedOn} onChange={(e) => setDoc({ ...doc, issuedOn: e.currentTarget.value })} />
      </Group>
      <TextInput label={t.summaryText} value={doc.summary} onChange={(e) => setDoc({ ...doc, summary: e.currentTarget.value })} />
      <Button disabled={!doc.unitId || !doc.number} onClick={() => send(`/api/programs/${PROGRAM}/documents-issued`, doc)}>{t.save}</Button>
      {message && <Alert role="status">{message}</Alert>}
    </Stack>
  );
}
