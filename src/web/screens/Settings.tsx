/**
 * The chosen programme's settings as stored (criteria set per year, titles
 * and who decides them, rewards, targets, deadlines) and the users within
 * the officer's scope, with creating one; a refusal is shown at its field.
 */
import { Alert, Button, Group, NativeSelect, PasswordInput, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ROLES } from '../../core/users/roles';
import { api, call } from '../api/client';
import { formProblems, type FormProblems } from '../api/fieldErrors';
import { queries } from '../api/queries';
import { useProgramYear } from '../context';
import { formatDayMonth } from '../../core/text/date';
import { formatMoney } from '../../core/text/format';
import { QueryState } from '../components/QueryState';
import { AnchorLink } from '../components/links';
import { useT } from '../i18n/index';
import { roleLabel, statusLabel } from '../labels';
import { useUser } from '../session';

const NONE: FormProblems = { fields: {}, other: null };

export default function Settings() {
  const { t } = useT();
  const user = useUser();
  const client = useQueryClient();
  const { program } = useProgramYear();
  const detail = useQuery({ ...queries.program(program?.code ?? ''), enabled: Boolean(program) });
  const users = useQuery(queries.users());
  const [form, setForm] = useState({ username: '', displayName: '', password: '', role: 'area-head', unitId: String(user.grants[0]?.unitId ?? '') });
  const [problems, setProblems] = useState(NONE);
  const [done, setDone] = useState('');
  const create = async () => {
    setProblems(NONE);
    setDone('');
    try {
      await call(api.POST('/api/users', { body: { ...form, role: form.role as (typeof ROLES)[number], unitId: Number(form.unitId) } }));
      setDone(`${t.userCreated}: ${form.username}`);
      await client.invalidateQueries({ queryKey: ['users'] });
    } catch (e) {
      setProblems(formProblems(e));
    }
  };
  const titleName = (code: string) => detail.data?.titles.find((x) => x.code === code)?.name ?? code;
  return (
    <Stack>
      <QueryState query={detail}>
        {(p) => (
          <>
            <Title order={2}>{p.name}</Title>
            <Group gap="md">
              {p.canAdminister && (
                <AnchorLink to="/programs/$code/settings" params={{ code: p.code }}>
                  {t.editProgramSettings}
                </AnchorLink>
              )}
              <AnchorLink to="/programs/$code/form" params={{ code: p.code }}>
                {t.printableCriteria}
              </AnchorLink>
            </Group>
            <Table aria-label={t.criteriaByYear}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.year}</Table.Th>
                  <Table.Th>{t.criteriaByYear}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.years.map((y) => (
                  <Table.Tr key={y.year}>
                    <Table.Td>{y.year}</Table.Td>
                    <Table.Td>
                      {y.setCode} ({t.version} {y.setVersion})
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Title order={3} size="h4">
              {t.titles}
            </Title>
            {p.titles.map((x) => (
              <Text key={x.code}>
                {x.name}
                {typeof x.chain.decidingBody === 'string' ? ` — ${t.chain} ${x.chain.decidingBody}` : ''}
              </Text>
            ))}
            <Title order={3} size="h4">
              {t.rewards}
            </Title>
            {p.rewards.length === 0 ? (
              <Text size="sm">{t.none}</Text>
            ) : (
              p.rewards.map((r) => (
                <Text key={r.titleCode + r.status}>
                  {titleName(r.titleCode)}, {statusLabel(r.status)}: {formatMoney(r.amount)}
                </Text>
              ))
            )}
            <Title order={3} size="h4">
              {t.targets}
            </Title>
            {p.targets.length === 0 ? (
              <Text size="sm">{t.none}</Text>
            ) : (
              p.targets.map((x) => (
                <Text key={x.scope + x.yearFrom}>
                  {x.yearFrom === x.yearTo ? `${t.yearTarget} ${x.yearFrom}` : `${t.periodTarget} ${x.yearFrom}–${x.yearTo}`}: {x.target}
                </Text>
              ))
            )}
            <Title order={3} size="h4">
              {t.deadlines}
            </Title>
            {p.deadlines.length === 0 ? (
              <Text size="sm">{t.none}</Text>
            ) : (
              p.deadlines.map((d) => (
                <Text key={d.label}>
                  {formatDayMonth(d.monthDay)}: {d.label}
                </Text>
              ))
            )}
          </>
        )}
      </QueryState>
      <Title order={2}>{t.users}</Title>
      <QueryState query={users}>
        {(list) => (
          <Table aria-label={t.users}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.username}</Table.Th>
                <Table.Th>{t.fullName}</Table.Th>
                <Table.Th>{t.role}</Table.Th>
                <Table.Th>{t.status}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>{u.username}</Table.Td>
                  <Table.Td>{u.displayName}</Table.Td>
                  <Table.Td>{u.grants.map((g) => `${roleLabel(g.role)} — ${g.unitName}`).join('; ')}</Table.Td>
                  <Table.Td>{u.active ? t.active : t.locked}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      <Title order={3} size="h4">
        {t.createUser}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t.username}
          value={form.username}
          onChange={(e) => setForm({ ...form, username: e.currentTarget.value })}
          error={problems.fields.username}
        />
        <TextInput
          label={t.fullName}
          value={form.displayName}
          onChange={(e) => setForm({ ...form, displayName: e.currentTarget.value })}
          error={problems.fields.displayName}
        />
        <PasswordInput
          label={t.password}
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
          error={problems.fields.password}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t.role}
          value={form.role}
          onChange={(e) => setForm({ ...form, role: e.currentTarget.value })}
          data={ROLES.map((value) => ({ value, label: roleLabel(value) }))}
        />
        <NativeSelect
          label={t.unit}
          value={form.unitId}
          onChange={(e) => setForm({ ...form, unitId: e.currentTarget.value })}
          error={problems.fields.unitId}
          data={[...new Map(user.grants.map((g) => [String(g.unitId), { value: String(g.unitId), label: g.unitName }])).values()]}
        />
      </SimpleGrid>
      {problems.other && (
        <Alert color="red" role="alert">
          {problems.other}
        </Alert>
      )}
      <Group>
        <Button onClick={() => void create()}>{t.createUser}</Button>
      </Group>
      {done && (
        <Alert color="green" role="status">
          {done}
        </Alert>
      )}
    </Stack>
  );
}
