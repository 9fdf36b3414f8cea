/**
 * The criteria-set versions of a programme, year by year, and publishing a
 * new one (a new decision replaces the old criteria): chosen from the
 * built-in sets or a file, applied from a year. What it changed is said in
 * words — which years now use it, how many open registrations were judged
 * again — and a refusal (a decision already issued in a year, a version
 * number already used) is shown as the server says it.
 */
import { Alert, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { formProblems, type FormProblems } from '../../api/fieldErrors';
import { queries } from '../../api/queries';
import type { ProgramDetail } from '../../api/types';
import { AnchorLink } from '../../components/links';
import { QueryState } from '../../components/QueryState';
import { fill } from '../../i18n/index';
import { CriteriaSource, type CriteriaChoice } from './CriteriaSource';
import { ProgramHeader, useProgramInContext } from './ProgramHeader';
import { useAdminT } from './text';

export default function CriteriaVersions() {
  const { code } = useParams({ from: '/programs/$code/criteria' });
  useProgramInContext(code, 'criteria');
  const t = useAdminT();
  const detail = useQuery(queries.program(code));
  return (
    <QueryState query={detail}>
      {(p) => (
        <Stack>
          <ProgramHeader program={p} page="criteria" />
          <Title order={3} size="h4">
            {t.versionsByYear}
          </Title>
          <Table withTableBorder striped aria-label={t.versionsByYear} data-testid="versions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.year}</Table.Th>
                <Table.Th>{t.setVersion}</Table.Th>
                <Table.Th>
                  <span className="kdc-sr">{t.view}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.years.map((y) => (
                <Table.Tr key={y.year}>
                  <Table.Td>{y.year}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    {y.setCode} ({y.setVersion})
                  </Table.Td>
                  <Table.Td>
                    <AnchorLink
                      to="/programs/$code/form"
                      params={{ code: p.code }}
                      search={(s: Record<string, unknown>) => ({ ...s, program: p.code, year: y.year })}
                      size="sm"
                      aria-label={`${t.view} ${y.year}`}
                    >
                      {t.view}
                    </AnchorLink>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {p.canAdminister && <Publish key={p.code} program={p} />}
        </Stack>
      )}
    </QueryState>
  );
}

function Publish({ program }: { program: ProgramDetail }) {
  const t = useAdminT();
  const client = useQueryClient();
  const [criteria, setCriteria] = useState<CriteriaChoice>(null);
  const [fromYear, setFromYear] = useState('');
  const [problems, setProblems] = useState<FormProblems>({ fields: {}, other: null });
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);

  const publish = async () => {
    setDone('');
    const year = fromYear.trim() ? (/^\s*\d{4}\s*$/.test(fromYear) ? Number(fromYear) : null) : undefined;
    const local: Record<string, string> = {};
    if (year === null) local.fromYear = t.yearInvalid;
    if (!criteria) local.criteriaSet = t.chooseBuiltin;
    if (Object.keys(local).length) {
      setProblems({ fields: local, other: null });
      return;
    }
    setProblems({ fields: {}, other: null });
    setBusy(true);
    try {
      const answer = await call(
        api.POST('/api/programs/{code}/criteria-sets', {
          params: { path: { code: program.code } },
          body: { criteriaSet: criteria!.value, ...(year ? { fromYear: year } : {}) },
        }),
      );
      client.setQueryData(queries.program(program.code).queryKey, answer.program);
      await Promise.all(['programs', 'criteria', 'areas', 'registration', 'dashboard'].map((key) => client.invalidateQueries({ queryKey: [key] })));
      setDone(fill(t.published, { code: answer.code, version: answer.version, years: answer.years.join(', '), recomputed: answer.recomputed }));
    } catch (e) {
      setProblems(formProblems(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="publish-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="publish-title">
          {t.publish}
        </Title>
        <Text size="sm">{t.publishIntro}</Text>
        <CriteriaSource onChange={setCriteria} error={problems.fields.criteriaSet} />
        <TextInput
          label={t.applyFrom}
          description={t.applyFromHint}
          inputMode="numeric"
          maw={220}
          value={fromYear}
          onChange={(e) => setFromYear(e.currentTarget.value)}
          error={problems.fields.fromYear}
        />
        {problems.other && (
          <Alert color="red" role="alert" data-testid="publish-refused">
            {problems.other}
          </Alert>
        )}
        {done && (
          <Alert color="green" role="status" data-testid="publish-done">
            {done}
          </Alert>
        )}
        <Group>
          <Button onClick={() => void publish()} loading={busy}>
            {t.publish}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
