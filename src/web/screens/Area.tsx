/**
 * An area: its profile, titles by year, registrations, reorganisation
 * history; and registering for the chosen year. When the programme has
 * several titles the area chooses one, and a title out of reach says why
 * (the same rule the engine applies: src/core/evaluation/reach.ts).
 */
import { Alert, Button, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { AnchorLink, ButtonLink } from '../components/links';
import { useState } from 'react';
import { api, call } from '../api/client';
import { invalidateCycle, queries } from '../api/queries';
import type { AreaOverview, ProgramDetail } from '../api/types';
import { useProgramYear } from '../context';
import { formatNumber } from '../../core/text/format';
import { formatDate } from '../../core/text/date';
import type { CriteriaSet } from '../../core/criteria/schema';
import { levelOutOfReach } from '../../core/evaluation/reach';
import { QueryState } from '../components/QueryState';
import { fill, useT } from '../i18n/index';
import { statusLabel, stepLabel } from '../labels';
import { useCan } from '../session';

export default function Area() {
  const { unitId } = useParams({ from: '/area/$unitId' });
  const { program, year } = useProgramYear();
  const overview = useQuery({ ...queries.area(unitId, program?.code ?? ''), enabled: Boolean(program) });
  return <QueryState query={overview}>{(o) => <AreaPage overview={o} year={year} />}</QueryState>;
}

function AreaPage({ overview: o, year }: { overview: AreaOverview; year: number }) {
  const { t } = useT();
  const { program } = useProgramYear();
  const current = o.registrations.find((r) => r.year === year && r.programCode === program?.code);
  return (
    <Stack>
      <Text size="sm">{o.unit.ancestors.map((a) => a.name).join(' › ')}</Text>
      <Title order={2}>{o.unit.name}</Title>
      {o.unit.households !== null && (
        <Text>
          {t.households}: {formatNumber(o.unit.households)}
        </Text>
      )}
      <Title order={3} size="h4">
        {fill(t.registrationOfYear, { year })}
      </Title>
      {current ? (
        <ButtonLink to="/registration/$id" params={{ id: current.id }} style={{ alignSelf: 'flex-start' }}>
          {t.scorecard} — {stepLabel(current.status)}
        </ButtonLink>
      ) : (
        <Register overview={o} year={year} />
      )}
      <Title order={3} size="h4">
        {t.titlesHeld}
      </Title>
      {o.titles.length === 0 ? (
        <Text>{t.none}</Text>
      ) : (
        <Table aria-label={t.titlesHeld}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.year}</Table.Th>
              <Table.Th>{t.title}</Table.Th>
              <Table.Th>{t.recognitionStatus}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {o.titles.map((x) => (
              <Table.Tr key={`${x.year}-${x.titleCode}`}>
                <Table.Td>{x.year}</Table.Td>
                <Table.Td>{x.titleName ?? x.titleCode}</Table.Td>
                <Table.Td>
                  <span className="kdc-pill">{statusLabel(x.status)}</span>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={3} size="h4">
        {t.history}
      </Title>
      {o.history.length === 0 ? (
        <Text>{t.none}</Text>
      ) : (
        o.history.map((h) => (
          <Text key={h.effectiveDate + h.kind}>
            {formatDate(h.effectiveDate)}: {h.note ?? h.kind} {h.legalBasis ? `(${h.legalBasis})` : ''}
          </Text>
        ))
      )}
      <AnchorLink to="/units">{t.units}</AnchorLink>
    </Stack>
  );
}

/** Each title of the programme with why it is out of reach this year, if it is. */
export function titleChoices(detail: ProgramDetail, set: CriteriaSet, held: AreaOverview['titles'], year: number) {
  const levelOf = new Map(detail.titles.map((x) => [x.code, x.levelCode]));
  const history = held.filter((h) => levelOf.has(h.titleCode)).map((h) => ({ year: h.year, level: levelOf.get(h.titleCode)! }));
  return detail.titles.map((x) => ({ code: x.code, name: x.name, blocked: levelOutOfReach(set, x.levelCode, history, year) }));
}

function Register({ overview, year }: { overview: AreaOverview; year: number }) {
  const { t } = useT();
  const { program } = useProgramYear();
  const client = useQueryClient();
  const navigate = useNavigate();
  const allowed = useCan('selfAssess');
  const code = program?.code ?? '';
  const detail = useQuery({ ...queries.program(code), enabled: Boolean(program) });
  const set = useQuery({ ...queries.criteria(code, year), enabled: Boolean(program) });
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  if (!allowed) return <Text size="sm">{t.notRegistered}</Text>;
  if (!detail.data) return <QueryState query={detail}>{() => null}</QueryState>;
  if (!set.data) return <QueryState query={set}>{() => null}</QueryState>;
  const choices = titleChoices(detail.data, set.data, overview.titles, year);
  const open = choices.filter((c) => !c.blocked);
  const titleCode = chosen ?? (open.length === 1 ? open[0]!.code : null);
  const register = async () => {
    if (!titleCode) return;
    setBusy(true);
    setError('');
    try {
      const reg = await call(
        api.POST('/api/programs/{code}/registrations', {
          params: { path: { code } },
          body: { unitId: overview.unit.id, year, titleCode, selfManagementContents: [] },
        }),
      );
      await invalidateCycle(client);
      await navigate({ to: '/registration/$id', params: { id: reg.id } });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs">
      {choices.length > 1 && (
        <Radio.Group label={t.chooseTitle} value={titleCode} onChange={setChosen}>
          <Stack gap="xs" mt={4}>
            {choices.map((c) => (
              <div key={c.code}>
                <Radio value={c.code} label={c.name} disabled={Boolean(c.blocked)} />
                {c.blocked && (
                  <Text size="sm" ml={30}>
                    {t.outOfReach}: {c.blocked}
                  </Text>
                )}
              </div>
            ))}
          </Stack>
        </Radio.Group>
      )}
      {open.length === 0 && (
        <Alert color="gray" role="status">
          {t.noTitleOpen}
        </Alert>
      )}
      <Button onClick={register} disabled={!titleCode} loading={busy} style={{ alignSelf: 'flex-start' }}>
        {titleCode ? fill(t.registerFor, { title: choices.find((c) => c.code === titleCode)!.name }) : t.register}
      </Button>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
