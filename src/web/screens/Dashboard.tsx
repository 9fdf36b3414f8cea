/**
 * The figures of the chosen programme and year: per title, targets, the
 * trend, the breakdown by commune or ward, the most failed criteria, and the
 * documents and tables to download. Each chart has its table beside it, for
 * those who would rather read.
 */
import { Alert, Anchor, Card, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { queries } from '../api/queries';
import { useProgramYear } from '../context';
import { formatNumber, formatPercent } from '../../core/text/format';
import { QueryState } from '../components/QueryState';
import { fill, useT } from '../i18n/index';

// ECharts is large: it loads only once the figures are on screen.
const BarChart = lazy(() => import('../components/BarChart'));
const pct = (v: number | null) => (v === null ? '—' : formatPercent(v));
const REPORTS = [
  ['bao-cao', 'reportDocx'],
  ['bang-tong-hop', 'reportTable'],
  ['danh-sach', 'reportList'],
  ['giay-cong-nhan', 'reportCertificates'],
  ['thong-bao', 'reportNotice'],
  ['quyet-dinh', 'reportDecision'],
] as const;

export default function Dashboard() {
  const { t } = useT();
  const navigate = useNavigate();
  const { program, year } = useProgramYear();
  const { boundaries = 'current' } = useSearch({ from: '/dashboard' });
  const code = program?.code ?? '';
  const state = useQuery({ ...queries.dashboard(code, year, boundaries), enabled: Boolean(program) });
  const q = `year=${year}${boundaries === 'historical' ? '&boundaries=historical' : ''}`;
  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={2}>
          {t.dashboard} {year}
        </Title>
        <SegmentedControl
          aria-label={t.boundaries}
          value={boundaries}
          onChange={(v) => void navigate({ to: '/dashboard', search: (prev) => ({ ...prev, boundaries: v === 'historical' ? 'historical' : undefined }) })}
          data={[
            { value: 'current', label: t.boundariesCurrent },
            { value: 'historical', label: t.boundariesHistorical },
          ]}
        />
      </Group>
      <QueryState query={state}>
        {(d) => (
          <>
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              <Stat label={t.areas} value={formatNumber(d.summary.areas)} />
              <Stat label={t.registered} value={formatNumber(d.summary.registered)} />
              <Stat label={t.recognizedCount} value={formatNumber(d.summary.recognized)} testId="recognized-count" />
              <Stat label={t.percentOfAreas} value={pct(d.summary.percentOfAreas)} />
              <Stat label={`${t.yearTarget} (${d.summary.yearTarget ?? '—'})`} value={pct(d.summary.percentOfYearTarget)} />
              <Stat label={`${t.periodTarget} (${d.summary.periodTarget ?? '—'})`} value={pct(d.summary.percentOfPeriodTarget)} />
            </SimpleGrid>
            <Title order={3} size="h4">
              {t.byTitle}
            </Title>
            <Table aria-label={t.byTitle} data-testid="by-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.title}</Table.Th>
                  <Table.Th>{t.registered}</Table.Th>
                  <Table.Th>{t.recognizedCount}</Table.Th>
                  <Table.Th>{t.firstTime}</Table.Th>
                  <Table.Th>{t.held}</Table.Th>
                  <Table.Th>{t.again}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.summary.titles.map((x) => (
                  <Table.Tr key={x.code}>
                    <Table.Td>{x.name}</Table.Td>
                    <Table.Td>{x.registered}</Table.Td>
                    <Table.Td>{x.recognized}</Table.Td>
                    <Table.Td>{x.firstTime}</Table.Td>
                    <Table.Td>{x.held}</Table.Td>
                    <Table.Td>{x.again}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Title order={3} size="h4">
              {t.downloads}
            </Title>
            <Group gap="md">
              {REPORTS.map(([kind, word]) => (
                <Anchor key={kind} href={`/api/programs/${code}/reports/${kind}?${q}`} download>
                  {t[word]}
                </Anchor>
              ))}
            </Group>
            <Title order={3} size="h4">
              {t.trend}
            </Title>
            <Suspense fallback={null}>
              <BarChart
                categories={d.series.map((s) => String(s.year))}
                stacked
                series={[
                  { name: t.held, data: d.series.map((s) => s.held) },
                  { name: t.firstTime, data: d.series.map((s) => s.firstTime) },
                  { name: t.again, data: d.series.map((s) => s.again) },
                ]}
              />
            </Suspense>
            <Table aria-label={t.trend}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.year}</Table.Th>
                  <Table.Th>{t.registered}</Table.Th>
                  <Table.Th>{t.recognizedCount}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.series.map((s) => (
                  <Table.Tr key={s.year}>
                    <Table.Td>{s.year}</Table.Td>
                    <Table.Td>{s.registered}</Table.Td>
                    <Table.Td>{s.recognized}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Title order={3} size="h4">
              {t.byUnit}
            </Title>
            {d.byUnit.length > 0 && (
              <Suspense fallback={null}>
                <BarChart
                  categories={d.byUnit.map((u) => u.unitName)}
                  series={[
                    { name: t.recognizedCount, data: d.byUnit.map((u) => u.recognized) },
                    { name: t.areas, data: d.byUnit.map((u) => u.areas) },
                  ]}
                />
              </Suspense>
            )}
            <Table aria-label={t.byUnit}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.unit}</Table.Th>
                  <Table.Th>{t.areas}</Table.Th>
                  <Table.Th>{t.registered}</Table.Th>
                  <Table.Th>{t.recognizedCount}</Table.Th>
                  <Table.Th>%</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.byUnit.map((u) => (
                  <Table.Tr key={u.unitId}>
                    <Table.Td>{u.unitName}</Table.Td>
                    <Table.Td>{u.areas}</Table.Td>
                    <Table.Td>{u.registered}</Table.Td>
                    <Table.Td>{u.recognized}</Table.Td>
                    <Table.Td>{pct(u.percentOfAreas)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Title order={3} size="h4">
              {t.failedCriteria}
            </Title>
            {d.failedCriteria.length === 0 ? (
              <Alert color="gray" role="status">
                {fill(t.noFailedCriteria, { year })}
              </Alert>
            ) : (
              d.failedCriteria.slice(0, 10).map((f) => (
                <Card key={f.code} withBorder padding="xs">
                  <Text size="sm">
                    <b>{f.code}</b> ({f.count}): {f.text}
                  </Text>
                  <Text size="sm">{f.areas.map((a) => a.name).join(', ')}</Text>
                </Card>
              ))
            )}
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="sm">{label}</Text>
      <Text fw={700} size="xl" data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}
