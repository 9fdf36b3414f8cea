/**
 * Importing a spreadsheet: units, recognitions kept before KDC, or a year's
 * registrations and scorecards. The template comes filled with what is
 * already stored, so an officer edits and sends it back. One bar shows the
 * upload (measured here, the long part on a slow link) and then the
 * server's own steps; a refused file comes back as a table of problems.
 * The programme and year are the ones chosen at the top of every screen.
 * Loaded only when opened, like the dashboard.
 */
import { Alert, Button, FileInput, Group, Progress, Radio, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useProgramYear } from '../context';
import type { ImportProblem } from '../../core/import/sheet';
import { ProblemTable } from '../components/ProblemTable';
import { fill, useT } from '../i18n/index';
import { uploadStreamed } from '../upload';
import { firstLine, IMPORT_KINDS, importSummary, stepLabel, stepPercent, type ImportEvent, type ImportKind, type ImportStep } from './importText';

type Outcome = { ok: true; text: string } | { ok: false; title: string; text?: string; problems?: ImportProblem[] };

/** The server's limit (MAX_IMPORT_BYTES in src/app/import/read.ts, not imported: it would bring exceljs into the app). */
const MAX_MB = 20;

const KIND_WORD = { units: 'importUnits', history: 'importHistory', scorecards: 'importScorecards' } as const;

/** The query each kind needs: units none, history its programme, scorecards the programme, year and stage. */
function importQuery(kind: ImportKind, program: string, year: string, stage: string): string {
  const q = new URLSearchParams();
  if (kind !== 'units') q.set('program', program);
  if (kind === 'scorecards') {
    q.set('year', year);
    q.set('stage', stage);
  }
  const text = q.toString();
  return text ? `?${text}` : '';
}

export default function ImportScreen() {
  const { t } = useT();
  const context = useProgramYear();
  const program = context.program?.code ?? '';
  const year = String(context.year);
  const [kind, setKind] = useState<ImportKind>('units');
  const [stage, setStage] = useState('self');
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<ImportStep | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const needsProgram = kind !== 'units';
  const ready = Boolean(file) && (!needsProgram || Boolean(program)) && (kind !== 'scorecards' || Boolean(year));
  const query = importQuery(kind, program, year, stage);

  const run = async () => {
    if (!file) return;
    // Said before sending, not after minutes of uploading on a slow link.
    if (file.size > MAX_MB * 1024 * 1024) return setOutcome({ ok: false, title: t.error, text: fill(t.fileTooLarge, { mb: MAX_MB }) });
    setOutcome(null);
    setStep({ phase: 'upload', done: 0, total: file.size });
    const form = new FormData();
    form.append('file', file, file.name);
    const answer = await uploadStreamed<ImportEvent>(`/api/imports/${kind}${query}`, form, {
      upload: (done, total) => setStep({ phase: 'upload', done, total }),
      event: (e) => {
        if (e.type === 'progress') setStep({ phase: e.phase, done: e.done, total: e.total });
      },
    });
    setStep(null);
    if (answer.kind === 'failed') return setOutcome({ ok: false, title: t.error, text: answer.status ? answer.message : t.connectionLost });
    const last = answer.events.at(-1);
    if (last?.type === 'done') return setOutcome({ ok: true, text: importSummary(kind, last.result, t) });
    if (last?.type === 'error') {
      const problems = last.error.details?.problems;
      return setOutcome(
        problems?.length ? { ok: false, title: firstLine(last.error.message), problems } : { ok: false, title: t.error, text: last.error.message },
      );
    }
    setOutcome({ ok: false, title: t.error, text: t.connectionCut });
  };

  const busy = step !== null;
  return (
    <Stack maw={900}>
      <Title order={2}>{t.importData}</Title>
      <Text size="sm">{t.importHelp}</Text>
      <Radio.Group
        label={t.importKind}
        value={kind}
        onChange={(v) => {
          setKind(v as ImportKind);
          setOutcome(null);
        }}
      >
        <Stack gap="xs" mt="xs">
          {IMPORT_KINDS.map((k) => (
            <Radio key={k} value={k} label={t[KIND_WORD[k]]} disabled={busy} />
          ))}
        </Stack>
      </Radio.Group>
      {needsProgram && context.program && (
        <Text size="sm">
          {t.program}: <b>{context.program.name}</b>
          {kind === 'scorecards' ? `, ${t.year} ${year}` : ''}
        </Text>
      )}
      {kind === 'scorecards' && (
        <SegmentedControl
          aria-label={t.stage}
          value={stage}
          onChange={setStage}
          disabled={busy}
          data={[
            { value: 'self', label: t.selfAssessment },
            { value: 'board', label: t.boardAppraisal },
          ]}
        />
      )}
      <div>
        <Button component="a" href={`/api/imports/templates/${kind}${query}`} download variant="light">
          {t.importTemplate}
        </Button>
        <Text size="sm" mt={4}>
          {t.importTemplateHint}
        </Text>
      </div>
      <FileInput
        label={t.importFile}
        placeholder={t.chooseFile}
        accept=".xlsx,.csv"
        value={file}
        onChange={(f) => {
          setFile(f);
          setOutcome(null);
        }}
        clearable
        disabled={busy}
      />
      <Group>
        <Button onClick={run} disabled={!ready} loading={busy}>
          {t.importRun}
        </Button>
      </Group>
      {step && (
        <div role="status" aria-live="polite">
          <Text size="sm" mb={4}>
            {stepLabel(step, t)}
          </Text>
          <Progress value={stepPercent(step)} animated={step.phase === 'read'} size="lg" aria-label={stepLabel(step, t)} />
        </div>
      )}
      {outcome?.ok && (
        <Alert color="green" title={t.importDone} role="status">
          {outcome.text}
        </Alert>
      )}
      {outcome && !outcome.ok && (
        <Alert color="red" title={outcome.title} role="alert">
          {outcome.text && (
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {outcome.text}
            </Text>
          )}
        </Alert>
      )}
      {/* Below the alert, not in it: on a phone the table needs the whole width. */}
      {outcome && !outcome.ok && outcome.problems && <ProblemTable problems={outcome.problems} />}
    </Stack>
  );
}
