/** Programme settings (criteria-set version per year, approval chain, rewards, targets, deadlines) and users within my scope. */
import { Alert, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { api, type User } from '../api';
import { PROGRAM } from '../App';
import { formatMoney } from '../../core/text/format';
import { ROLES, type Role } from '../../app/actor';
import { Loaded, useLoad } from '../components/Load';
import { useT } from '../i18n/index';
import { roleLabel, statusLabel } from '../labels';

interface Program {
  name: string; years: Array<{ year: number; setCode: string; setVersion: string }>; titles: Array<{ code: string; name: string; chain: Record<string, string> }>;
  rewards: Array<{ titleCode: string; status: string; amount: number }>; targets: Array<{ scope: string; yearFrom: number; yearTo: number; target: number }>;
  deadlines: Array<{ label: string; monthDay: string }>;
}

export function Settings({ user }: { user: User }) {
  const { t } = useT();
  const program = useLoad(() => api<Program>('GET', `/api/programs/${PROGRAM}`), []);
  const users = useLoad(() => api<Array<{ id: number; username: string; displayName: string; active: boolean; grants: Array<{ role: Role; unitName: string }> }>>('GET', '/api/users'), []);
  const [form, setForm] = useState({ username: '', displayName: '', password: '', role: 'area-head', unitId: String(user.grants[0]?.unitId ?? '') });
  const [message, setMessage] = useState('');
  const create = async () => {
    try {
      await api('POST', '/api/users', { ...form, unitId: Number(form.unitId) });
      setMessage(`${t.done}: ${form.username}`);
      users.reload();
    } catch (e) { setMessage((e as Error).message); }
  };
  return (
    <Stack>
      <Loaded state={program}>{(p) => (
        <>
          <Title order={2}>{p.name}</Title>
          <Table aria-label={t.criteriaByYear}><Table.Tbody>{p.years.map((y) => <Table.Tr key={y.year}><Table.Td>{y.year}</Table.Td><Table.Td>{y.setCode} ({t.version} {y.setVersion})</Table.Td></Table.Tr>)}</Table.Tbody></Table>
          {p.titles.map((x) => <Text key={x.code}>{x.name}: {t.chain} {x.chain.decidingBody ?? x.chain.decide}</Text>)}
          {p.rewards.map((r) => <Text key={r.titleCode + r.status}>{statusLabel(r.status)}: {formatMoney(r.amount)}</Text>)}
          {p.targets.map((x) => <Text key={x.scope + x.yearFrom}>{x.yearFrom === x.yearTo ? `${t.yearTarget} ${x.yearFrom}` : `${t.periodTarget} ${x.yearFrom}–${x.yearTo}`}: {x.target}</Text>)}
          {p.deadlines.map((d) => <Text key={d.label}>{d.monthDay.split('-').reverse().join('/')}: {d.label}</Text>)}
        </>
      )}</Loaded>
      <Title order={2}>{t.users}</Title>
      <Loaded state={users}>{(list) => (
        <Table><Table.Tbody>{list.map((u) => (
          <Table.Tr key={u.id}><Table.Td>{u.username}</Table.Td><Table.Td>{u.displayName}</Table.Td><Table.Td>{u.grants.map((g) => `${roleLabel(g.role)} — ${g.unitName}`).join('; ')}</Table.Td><Table.Td>{u.active ? '' : t.locked}</Table.Td></Table.Tr>
        ))}</Table.Tbody></Table>
      )}</Loaded>
      <Group grow>
        <TextInput label={t.username} value={form.username} onChange={(e) => setForm({ ...form, username: e.currentTarget.value })} />
        <TextInput label={t.fullName} value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.currentTarget.value })} />
        <TextInput label={t.password} type="password" value={form.password} onChange={(e) => setForm({ ...form, password: e.currentTarget.value })} />
      </Group>
      <Group grow>
        <Select label={t.role} value={form.role} onChange={(v) => setForm({ ...form, role: v ?? 'area-head' })} data={ROLES.map((value) => ({ value, label: roleLabel(value) }))} />
        <TextInput label={t.unitId} value={form.unitId} onChange={(e) => setForm({ ...form, unitId: e.currentTarget.value })} />
      </Group>
      <Button onClick={create}>{t.createUser}</Button>
      {message && <Alert role="status">{message}</Alert>}
    </Stack>
  );
}
