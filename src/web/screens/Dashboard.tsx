/**
 * The dashboard for a unit and year: figures per title, targets, the trend,
 * the breakdown by commune or ward, and the most failed criteria. Each chart
 * has its table beside it, for those who would rather read.
 */
import { Card, Group, NumberInput, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { api } from '../api';
import { CURRENT_YEAR, PROGRAM } from '../App';
import { go } from '../route';
import { formatPercent } from '../../core/text/format';
import { Loaded, useLoad } from '../components/Load';
import { BarChart } from '../components/BarChart';
import { useT } from '../i18n/index';

interface Figures { areas: number; registered: number; recognized: number; percentOfAreas: number | null; yearTarget: number | null; percentOfYearTarget: number | null; periodTarget: number | null; percentOfPeriodTarget: number | null; titles: Array<{ code: string; name: string; registered: number; recognized: number; firstTime: number; held: number; again: number }> }
interface DashboardData {
  summary: Figures;
  byUnit: Array<Figures & { unitId: number; unitName: string }>;
  series: Array<{ year: number; recognized: number; firstTime: number; held: number; again: number; registered: number }>;
  failedCriteria: Array<{ code: string; text: string; count: number; areas: Array<{ id: number; name: string }> }>;
}

const pct = (v: number | null) => (v === null ? '—' : formatPercent(v));

export default function Dashboard({ initialYear }: { initialYear?: number }) {
  const { t } = useT();
  const [year, setYearState] = useState(initialYear ?? CURRENT_YEAR);
  const setYear = (y: number) => { setYearState(y); go(`dashboard/${y}`); };
  // After a reorganisation the same year reads two ways: today's map, or the map of that year (docs/reorganization.md).
  const [boundaries, setBoundaries] = useState('current');
  const state = useLoad(() => api<DashboardData>('GET', `/api/programs/${PROGRAM}/dashboard?year=${year}&boundaries=${boundaries}`), [year, boundaries]);
  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={2}>{t.dashboard}</Title>
        <Group align="end">
          <SegmentedControl aria-label={t.boundaries} value={boundaries} onChange={setBoundaries}
            data={[{ value: 'current', label: t.boundariesCurrent }, { value: 'historical', label: t.boundariesHistorical }]} />
          <NumberInput label={t.year} value={year} min={2000} max={2100} onChange={(v) => typeof v === 'number' && setYear(v)} w={120} />
        </Group>
      </Group>
      <Loaded state={state}>{(d) => (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Stat label={t.areas} value={String(d.summary.areas)} />
            <Stat label={t.registered} value={String(d.summary.registered)} />
            <Stat label={t.recognizedCount} value={String(d.summary.recognized)} testId="recognized-count" />
            <Stat label={t.percentOfAreas} value={pct(d.summary.percentOfAreas)} />
            <Stat label={`${t.yearTarget} (${d.summary.yearTarget ?? '—'})`} value={pct(d.summary.percentOfYearTarget)} />
            <Stat label={`${t.periodTarget} (${d.summary.periodTarget ?? '—'})`} value={pct(d.summary.percentOfPeriodTarget)} />
          </SimpleGrid>
          <Table aria-label={t.recognizedCount}>
            <Table.Thead><Table.Tr><Table.Th /><Table.Th>{t.registered}</Table.Th><Table.Th>{t.recognizedCount}</Table.Th><Table.Th>{t.firstTime}</Table.Th><Table.Th>{t.held}</Table.Th><Table.Th>{t.again}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>{d.summary.titles.map((x) => <Table.Tr key={x.code}><Table.Td>{x.name}</Table.Td><Table.Td>{x.registered}</Table.Td><Table.Td>{x.recognized}</Table.Td><Table.Td>{x.firstTime}</Table.Td><Table.Td>{x.held}</Table.Td><Table.Td>{x.again}</Table.Td></Table.Tr>)}</Table.Tbody>
          </Table>
          <Title order={3} size="h4">{t.trend}</Title>
          <BarChart categories={d.series.map((s) => String(s.year))} series={[{ name: t.held, data: d.series.map((s) => s.held) }, { name: t.firstTime, data: d.series.map((s) => s.firstTime) }, { name: t.again, data: d.series.map((s) => s.again) }]} stacked />
          <Table><Table.Tbody>{d.series.map((s) => <Table.Tr key={s.year}><Table.Td>{s.year}</Table.Td><Table.Td>{t.registered}: {s.registered}</Table.Td><Table.Td>{t.recognizedCount}: {s.recognized}</Table.Td></Table.Tr>)}</Table.Tbody></Table>
          <Title order={3} size="h4">{t.byUnit}</Title>
          <BarChart categories={d.byUnit.map((u) => u.unitName)} series={[{ name: t.recognizedCount, data: d.byUnit.map((u) => u.recognized) }, { name: t.areas, data: d.byUnit.map((u) => u.areas) }]} />
          <Table>
            <Table.Thead><Table.Tr><Table.Th /><Table.Th>{t.areas}</Table.Th><Table.Th>{t.registered}</Table.Th><Table.Th>{t.recognizedCount}</Table.Th><Table.Th>%</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>{d.byUnit.map((u) => <Table.Tr key={u.unitId}><Table.Td>{u.unitName}</Table.Td><Table.Td>{u.areas}</Table.Td><Table.Td>{u.registered}</Table.Td><Table.Td>{u.recognized}</Table.Td><Table.Td>{pct(u.percentOfAreas)}</Table.Td></Table.Tr>)}</Table.Tbody>
          </Table>
          <Title order={3} size="h4">{t.failedCriteria}</Title>
          {d.failedCriteria.slice(0, 10).map((f) => (
            <Card key={f.code} withBorder padding="xs"><Text size="sm"><b>{f.code}</b> ({f.count}): {f.text}</Text><Text size="xs" c="dimmed">{f.areas.map((a) => a.name).join(', ')}</Text></Card>
          ))}
        </>
      )}</Loaded>
    </Stack>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return <Card withBorder padding="sm"><Text size="xs">{label}</Text><Text fw={700} size="xl" data-testid={testId}>{value}</Text></Card>;
}
