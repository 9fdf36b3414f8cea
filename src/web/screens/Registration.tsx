/**
 * Scorecard entry: criteria by standard with their full wording, a value, a
 * note and evidence per criterion, a live verdict computed in the browser by
 * the same engine as the server, and autosave that keeps unsaved values on
 * the device until the connection returns.
 */
import { Alert, Badge, Button, Card, Group, NumberInput, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api';
import type { CriteriaSet, Criterion } from '../../core/criteria/schema';
import { wordingFor, type AreaProfile } from '../../core/criteria/walk';
import { evaluate } from '../../core/evaluation/evaluate';
import { checkScorecard } from '../../core/evaluation/scorecard';
import type { CriterionValue, Verdict } from '../../core/evaluation/types';
import { Loaded, useLoad } from '../components/Load';
import { EvidenceUpload } from '../components/EvidenceUpload';
import { useT } from '../i18n/index';
import { stepLabel } from '../labels';

type Value = CriterionValue | null;
interface Entry { self: Value; board: Value; note: string | null; boardReason: string | null }
interface RegistrationData {
  id: number; unitName: string; unitKind: AreaProfile['kind']; communeKind: AreaProfile['communeKind'] | null; year: number; status: string; locked: boolean;
  values: Record<string, Entry>; criteriaSet: CriteriaSet; evidence: Array<{ id: number; criterionCode: string | null; filename: string }>;
}
type Pending = Record<string, { value: Value; note?: string | null; reason?: string | null }>;

const pendingKey = (id: number) => `kdc-pending-${id}`;

export function Registration({ id }: { id: number }) {
  const state = useLoad(() => api<RegistrationData>('GET', `/api/registrations/${id}`), [id]);
  return <Loaded state={state}>{(data) => <Scorecard data={data} reload={state.reload} />}</Loaded>;
}

function Scorecard({ data, reload }: { data: RegistrationData; reload: () => void }) {
  const { t } = useT();
  const stage: 'self' | 'board' | null = data.locked ? null : data.status === 'registered' ? 'self' : data.status === 'self-assessed' ? 'board' : null;
  const initial = useMemo(() => {
    const values: Record<string, Value> = {};
    const notes: Record<string, string> = {};
    const reasons: Record<string, string> = {};
    for (const [code, e] of Object.entries(data.values)) {
      values[code] = stage === 'board' ? (e.board ?? e.self) : (stage === 'self' ? e.self : (e.board ?? e.self));
      if (e.note) notes[code] = e.note;
      if (e.boardReason) reasons[code] = e.boardReason;
    }
    // Unsaved work from an earlier visit (the connection dropped) comes back first.
    const stored = JSON.parse(localStorage.getItem(pendingKey(data.id)) ?? '{}') as Pending;
    for (const [code, p] of Object.entries(stored)) {
      values[code] = p.value;
      if (p.note) notes[code] = p.note;
      if (p.reason) reasons[code] = p.reason;
    }
    return { values, notes, reasons };
  }, [data, stage]);
  const [values, setValues] = useState(initial.values);
  const [notes, setNotes] = useState(initial.notes);
  const [reasons, setReasons] = useState(initial.reasons);
  const [saveState, setSaveState] = useState<'saved' | 'saving' | 'offline'>(() => (localStorage.getItem(pendingKey(data.id)) ? 'offline' : 'saved'));
  const [error, setError] = useState('');
  const pending = useRef<Pending>(JSON.parse(localStorage.getItem(pendingKey(data.id)) ?? '{}'));
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const profile: AreaProfile = { area: data.unitName, kind: data.unitKind, communeKind: data.communeKind ?? undefined };
  const complete = useMemo(() => {
    const filled = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined)) as Record<string, CriterionValue>;
    return checkScorecard(data.criteriaSet, filled).length ? null : filled;
  }, [values, data.criteriaSet]);
  const verdict: Verdict | null = complete ? evaluate(data.criteriaSet, { profile, values: complete, year: data.year }) : null;
  const total = data.criteriaSet.sections.reduce((n, s) => n + s.criteria.length, 0);

  const flush = useCallback(async () => {
    if (!stage || !Object.keys(pending.current).length) return;
    const batch = pending.current;
    setSaveState('saving');
    try {
      await api('PUT', `/api/registrations/${data.id}/scorecard`, { stage, values: batch });
      for (const code of Object.keys(batch)) if (pending.current[code] === batch[code]) delete pending.current[code];
      localStorage.setItem(pendingKey(data.id), JSON.stringify(pending.current));
      if (!Object.keys(pending.current).length) localStorage.removeItem(pendingKey(data.id));
      setSaveState(Object.keys(pending.current).length ? 'saving' : 'saved');
      setError('');
    } catch (e) {
      const err = e as Error & { status?: number };
      setSaveState('offline');
      if (err.status) setError(err.message);
    }
  }, [data.id, stage]);

  // The board starts from the area's own values: they are taken over as the board's until it changes one.
  useEffect(() => {
    if (stage !== 'board' || Object.values(data.values).some((e) => e.board !== null && e.board !== undefined)) return;
    for (const [code, e] of Object.entries(data.values)) if (!pending.current[code]) pending.current[code] = { value: e.self, note: e.note, reason: null };
    void flush();
  }, [stage, data.values, flush]);

  useEffect(() => {
    const retry = () => void flush();
    window.addEventListener('online', retry);
    const id = setInterval(retry, 15_000);
    return () => { window.removeEventListener('online', retry); clearInterval(id); };
  }, [flush]);

  const change = (code: string, patch: { value?: Value; note?: string; reason?: string }) => {
    if (patch.value !== undefined) setValues((v) => ({ ...v, [code]: patch.value! }));
    if (patch.note !== undefined) setNotes((n) => ({ ...n, [code]: patch.note! }));
    if (patch.reason !== undefined) setReasons((r) => ({ ...r, [code]: patch.reason! }));
    const previous = pending.current[code];
    pending.current = {
      ...pending.current,
      [code]: {
        value: patch.value !== undefined ? patch.value : (previous?.value ?? values[code] ?? null),
        note: patch.note ?? previous?.note ?? notes[code] ?? null,
        ...(stage === 'board' ? { reason: patch.reason ?? previous?.reason ?? reasons[code] ?? null } : {}),
      },
    };
    localStorage.setItem(pendingKey(data.id), JSON.stringify(pending.current));
    setSaveState('saving');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), 700);
  };

  const act = async (action: string) => {
    await flush();
    const reason = action === 'reject' || action === 'not-recommend' || action === 'return' ? window.prompt(t.reason) ?? '' : undefined;
    try {
      await api('POST', `/api/registrations/${data.id}/actions`, { action, reason });
      reload();
    } catch (e) { setError((e as Error).message); }
  };

  return (
    <Stack gap="sm">
      <Title order={2}>{t.scorecard}: {data.unitName} — {data.year}</Title>
      <Group gap="xs">
        <Badge>{stepLabel(data.status)}</Badge>
        {stage && <Badge variant="light" color={saveState === 'offline' ? 'orange' : 'gray'} role="status">{saveState === 'saved' ? t.saved : saveState === 'saving' ? t.saving : t.offline}</Badge>}
        <Text size="sm">{stage === 'board' ? t.boardAppraisal : t.selfAssessment}</Text>
      </Group>
      <VerdictCard verdict={verdict} entered={Object.values(values).filter((v) => v !== null && v !== undefined).length} total={total} />
      {error && <Alert color="red" role="alert">{error}</Alert>}
      {data.criteriaSet.sections.map((section) => (
        <Card key={section.code} withBorder padding="sm">
          <Title order={3} size="h5" mb="xs">{section.title}</Title>
          <Stack gap="md">
            {section.criteria.map((c) => (
              <CriterionRow key={c.code} criterion={c} profile={profile} stage={stage} value={values[c.code] ?? null} values={values}
                note={notes[c.code] ?? ''} reason={reasons[c.code] ?? ''} selfValue={data.values[c.code]?.self ?? null}
                onChange={(patch) => change(c.code, patch)} onPartChange={(code, value) => change(code, { value })}
                evidence={data.evidence.filter((e) => e.criterionCode === c.code)} registrationId={data.id} onUploaded={reload} />
            ))}
          </Stack>
        </Card>
      ))}
      <Group>
        {data.status === 'registered' && <Button onClick={() => act('submit')} disabled={!complete}>{t.submit}</Button>}
        {data.status === 'self-assessed' && <><Button onClick={() => act('propose')} disabled={!complete}>{t.propose}</Button><Button variant="light" onClick={() => act('reject')}>{t.reject}</Button></>}
        {data.status === 'board-proposed' && <><Button onClick={() => act('recommend')}>{t.recommend}</Button><Button variant="light" onClick={() => act('not-recommend')}>{t.notRecommend}</Button></>}
        {['self-assessed', 'board-proposed', 'board-rejected', 'council-recommended', 'council-not-recommended'].includes(data.status) && !data.locked &&
          <Button variant="subtle" onClick={() => act('return')}>{t.returnBack}</Button>}
      </Group>
    </Stack>
  );
}

function VerdictCard({ verdict, entered, total }: { verdict: Verdict | null; entered: number; total: number }) {
  const { t } = useT();
  if (!verdict) return <Card withBorder><Text>{t.verdict}: {entered}/{total} {t.criteria}</Text></Card>;
  return (
    <Card withBorder aria-live="polite" data-testid="verdict">
      <Group><Text fw={700}>{t.verdict}:</Text><Badge size="lg" color={verdict.recognized ? 'green.9' : 'red.8'}>{verdict.recognized ? t.recognized : t.notRecognized}</Badge></Group>
      {verdict.reasons.map((r) => <Text key={r} size="sm">• {r}</Text>)}
      {verdict.gap && verdict.gap.changes > 0 && <Text size="sm" mt="xs">{t.gap}: {verdict.gap.changes} ({verdict.gap.criteria.concat(verdict.gap.disqualifiers).join(', ')})</Text>}
    </Card>
  );
}

interface RowProps {
  criterion: Criterion; profile: AreaProfile; stage: 'self' | 'board' | null; value: Value; values: Record<string, Value>; note: string; reason: string; selfValue: Value;
  onChange: (patch: { value?: Value; note?: string; reason?: string }) => void; onPartChange: (code: string, value: Value) => void;
  evidence: Array<{ id: number; filename: string }>; registrationId: number; onUploaded: () => void;
}

function CriterionRow({ criterion: c, profile, stage, value, values, note, reason, selfValue, onChange, onPartChange, evidence, registrationId, onUploaded }: RowProps) {
  const { t } = useT();
  const disabled = !stage;
  const choice = value === true ? 'dat' : value === false ? 'khong-dat' : value === 'na' ? 'na' : '';
  const differs = stage === 'board' && value !== null && JSON.stringify(value) !== JSON.stringify(selfValue);
  return (
    <div data-criterion={c.code}>
      <Text size="sm" style={{ whiteSpace: 'pre-line' }}><b>{c.code}.</b> {wordingFor(c, profile)}</Text>
      {c.kind === 'points' ? (
        <NumberInput label={`${t.verdict} (0–${c.maxPoints})`} min={0} max={c.maxPoints} value={typeof value === 'number' ? value : ''} disabled={disabled}
          onChange={(v) => onChange({ value: typeof v === 'number' ? v : null })} />
      ) : (
        <SegmentedControl fullWidth mt={4} disabled={disabled} value={choice} aria-label={`Tiêu chí ${c.code}`}
          data={[{ value: 'dat', label: t.pass }, { value: 'khong-dat', label: t.fail }, { value: 'na', label: t.notApplicable }]}
          onChange={(v) => onChange({ value: v === 'dat' ? true : v === 'khong-dat' ? false : 'na' })} />
      )}
      {c.kind === 'quantity' && !c.parts && c.quantity && (
        <NumberInput size="xs" mt={4} label={c.quantity.measure === 'percent' ? `% ${c.quantity.of}` : c.quantity.of} disabled={disabled}
          value={typeof value === 'number' ? value : ''} onChange={(v) => onChange({ value: typeof v === 'number' ? v : null })} />
      )}
      {c.parts?.map((p) => (
        <NumberInput key={p.code} size="xs" mt={4} label={`${p.code} — ${p.text}`} disabled={disabled}
          value={typeof values[p.code] === 'number' ? (values[p.code] as number) : ''} onChange={(v) => onPartChange(p.code, typeof v === 'number' ? v : null)} />
      ))}
      <TextInput size="xs" mt={4} label={t.note} value={note} disabled={disabled} onChange={(e) => onChange({ note: e.currentTarget.value })} />
      {differs && <TextInput size="xs" mt={4} required label={t.reason} value={reason} onChange={(e) => onChange({ reason: e.currentTarget.value })} />}
      <EvidenceUpload registrationId={registrationId} criterionCode={c.code} files={evidence} disabled={disabled} onUploaded={onUploaded} />
    </div>
  );
}
