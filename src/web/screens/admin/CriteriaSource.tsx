/**
 * Where a criteria set comes from: one of the built-in sets, or a file the
 * province or commune wrote. A file is read by the server through the same
 * validation as `kdc criteria validate` (POST /api/criteria/read) as soon as
 * it is chosen: the set is summarised, or every problem is listed with its
 * place, and nothing is created until the person goes on.
 */
import { Alert, Anchor, FileInput, NativeSelect, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { apiError, getCsrf, OFFLINE_MESSAGE, type Ok } from '../../api/client';
import { api, call } from '../../api/client';
import { fill } from '../../i18n/index';
import { useAdminT, type AdminText } from './text';

export type CriteriaSummary = Ok<'/api/criteria-sets', 'get'>[number];
type ReadAnswer = Ok<'/api/criteria/read', 'post'>;

/** What the form will send as `criteriaSet`: a built-in code@version, or the set read from the file. */
export type CriteriaChoice = { value: string | Record<string, unknown>; summary: CriteriaSummary } | null;

export const criteriaSetsQuery = { queryKey: ['criteria-sets'], queryFn: () => call(api.GET('/api/criteria-sets')), staleTime: Infinity };

/** The server reads a workbook filled from its template as well as JSON (src/app/criteria/read.ts). */
export const ACCEPTS_XLSX = true;

async function readFile(file: File): Promise<{ ok: true; answer: ReadAnswer } | { ok: false; message: string; problems: string[] }> {
  const form = new FormData();
  form.append('file', file);
  let response: Response;
  try {
    response = await fetch('/api/criteria/read', { method: 'POST', body: form, credentials: 'same-origin', headers: { 'x-csrf-token': getCsrf() } });
  } catch {
    return { ok: false, message: OFFLINE_MESSAGE, problems: [] };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, answer: body as ReadAnswer };
  const error = apiError(response.status, body);
  const problems = Array.isArray(error.details) ? (error.details as unknown[]).filter((d): d is string => typeof d === 'string') : [];
  return { ok: false, message: error.message, problems };
}

/** "$.sections[1].code: …" → place and words. */
const split = (line: string) => {
  const m = /^(.+?): (.+)$/s.exec(line);
  return m ? { place: m[1]!, message: m[2]! } : { place: '', message: line };
};

export function summaryLine(s: CriteriaSummary, t: AdminText): string {
  return fill(t.setSummary, { standards: s.standards, criteria: s.criteria, disqualifiers: s.disqualifiers, titles: s.titles.join(', ') });
}

export function SetSummary({ summary }: { summary: CriteriaSummary }) {
  const t = useAdminT();
  return (
    <Stack gap={2} data-testid="set-summary">
      <Text size="sm" fw={600}>
        {summary.name} ({summary.code}, {summary.version})
      </Text>
      <Text size="sm">
        {t.basis}: {summary.legalBasis}
      </Text>
      <Text size="sm">{summaryLine(summary, t)}</Text>
      {summary.unusable && (
        <Alert color="orange" role="status">
          {summary.unusable}
        </Alert>
      )}
    </Stack>
  );
}

export function ProblemList({ problems }: { problems: string[] }) {
  const t = useAdminT();
  return (
    <Table striped withTableBorder fz="sm" aria-label={t.problem} data-testid="criteria-problems">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t.place}</Table.Th>
          <Table.Th>{t.problem}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {problems.slice(0, 200).map((line, i) => {
          const { place, message } = split(line);
          return (
            <Table.Tr key={i} style={{ verticalAlign: 'top' }}>
              <Table.Td style={{ overflowWrap: 'anywhere', fontFamily: 'monospace' }} maw={220}>
                {place}
              </Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{message}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

export function CriteriaSource({ onChange, error, onlyUsable = true }: { onChange: (choice: CriteriaChoice) => void; error?: string; onlyUsable?: boolean }) {
  const t = useAdminT();
  const sets = useQuery(criteriaSetsQuery);
  const [mode, setMode] = useState<'builtin' | 'file'>('builtin');
  const [builtin, setBuiltin] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [reading, setReading] = useState(false);
  const [read, setRead] = useState<{ summary?: CriteriaSummary; message?: string; problems?: string[] }>({});
  const offered = (sets.data ?? []).filter((s) => !onlyUsable || !s.unusable);
  const chosenBuiltin = offered.find((s) => `${s.code}@${s.version}` === builtin);

  const chooseBuiltin = (value: string) => {
    setBuiltin(value);
    const s = offered.find((x) => `${x.code}@${x.version}` === value);
    onChange(s ? { value, summary: s } : null);
  };
  const chooseFile = async (next: File | null) => {
    setFile(next);
    setRead({});
    onChange(null);
    if (!next) return;
    setReading(true);
    const outcome = await readFile(next);
    setReading(false);
    if (outcome.ok) {
      setRead({ summary: outcome.answer.summary });
      onChange({ value: outcome.answer.set as Record<string, unknown>, summary: outcome.answer.summary });
    } else setRead({ message: outcome.message, problems: outcome.problems });
  };

  return (
    <Stack gap="xs">
      <Text component="div" size="sm" fw={600} id="criteria-source-label">
        {t.criteriaSet}
      </Text>
      <SegmentedControl
        aria-labelledby="criteria-source-label"
        value={mode}
        fullWidth
        onChange={(v) => {
          setMode(v as 'builtin' | 'file');
          onChange(null);
          setBuiltin('');
          setFile(null);
          setRead({});
        }}
        data={[
          { value: 'builtin', label: t.builtin },
          { value: 'file', label: t.fromFile },
        ]}
      />
      {mode === 'builtin' ? (
        <>
          <NativeSelect
            label={t.chooseBuiltin}
            value={builtin}
            error={error}
            onChange={(e) => chooseBuiltin(e.currentTarget.value)}
            data={[
              { value: '', label: '—' },
              ...offered.map((s) => ({ value: `${s.code}@${s.version}`, label: `${s.name}${s.illustrative ? ` (${t.illustrative})` : ''}` })),
            ]}
          />
          {chosenBuiltin && <SetSummary summary={chosenBuiltin} />}
        </>
      ) : (
        <>
          <FileInput
            label={t.chooseFile}
            description={ACCEPTS_XLSX ? t.fileHintXlsx : t.fileHint}
            value={file}
            onChange={(f) => void chooseFile(f)}
            clearable
            clearButtonProps={{ 'aria-label': t.clearFile }}
            accept={ACCEPTS_XLSX ? '.json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : '.json,application/json'}
            error={error}
            placeholder={t.chooseFile}
          />
          <Anchor href="/api/criteria/template" size="sm" download>
            {t.downloadTemplate}
          </Anchor>
          {reading && (
            <Text size="sm" role="status">
              {t.reading}
            </Text>
          )}
          {read.summary && <SetSummary summary={read.summary} />}
          {read.problems !== undefined && (
            <Stack gap="xs">
              <Alert color="red" role="alert">
                {read.problems.length ? fill(t.fileProblems, { n: read.problems.length }) : read.message}
              </Alert>
              {read.problems.length > 0 && <ProblemList problems={read.problems} />}
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}
