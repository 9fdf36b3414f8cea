/**
 * One criterion as its kind asks to be entered: Đạt / Không đạt for a
 * pass-fail criterion, only the number box with its unit for a quantity,
 * points with their maximum for a scored one, each part of a composite one.
 * A criterion KDC judges from its own records (another title held, a share of
 * the areas below) is not typed: the outcome shows with the decision or the
 * count it rests on. Then a note, the board's reason where it differs, and
 * the evidence.
 */
import { SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import type { Criterion, CriterionPart } from '../../../core/criteria/schema';
import { appliesTo, maxPointsOf, wordingFor, type AreaProfile } from '../../../core/criteria/walk';
import type { CriterionOutcome } from '../../../core/evaluation/types';
import { formatNumber } from '../../../core/text/format';
import { Evidence } from '../../components/Evidence';
import { NumberField } from '../../components/NumberField';
import { fill, useT } from '../../i18n/index';
import type { Value, ValuePatch } from '../../offline/outbox';

type Choice = 'dat' | 'khong-dat' | 'na' | '';
const choiceOf = (v: Value): Choice => (v === true ? 'dat' : v === false ? 'khong-dat' : v === 'na' ? 'na' : '');
const valueOf = (c: string): Value => (c === 'dat' ? true : c === 'khong-dat' ? false : 'na');

export interface RowProps {
  criterion: Criterion;
  profile: AreaProfile;
  editable: boolean;
  /** Whether "không áp dụng" may be marked by hand (the set's allowNa). */
  allowNa: boolean;
  /** Codes judged from records: shown, not typed. */
  recordJudged: ReadonlySet<string>;
  /** The live outcome of each criterion and part, for those judged from records. */
  outcome: (code: string) => CriterionOutcome | undefined;
  patch: (code: string) => ValuePatch | undefined;
  onChange: (code: string, patch: Partial<ValuePatch>) => void;
  reasonMissing: boolean;
  differs: boolean;
  /** A refusal from the server about this criterion, shown at it. */
  serverError?: string;
  evidence: Array<{ id: number; filename: string; mimeType: string }>;
  registrationId: number;
}

function PassFail({
  code,
  label,
  value,
  editable,
  onChange,
  allowNa,
}: {
  code: string;
  label: string;
  value: Value;
  editable: boolean;
  onChange: (v: Value) => void;
  allowNa: boolean;
}) {
  const { t } = useT();
  const data = [{ value: 'dat', label: t.pass }, { value: 'khong-dat', label: t.fail }, ...(allowNa ? [{ value: 'na', label: t.notApplicable }] : [])];
  return (
    <SegmentedControl
      fullWidth
      mt={4}
      disabled={!editable}
      value={choiceOf(value)}
      aria-label={label}
      data-code={code}
      data={data}
      onChange={(v) => onChange(valueOf(v))}
    />
  );
}

function quantityLabel(q: NonNullable<Criterion['quantity']>, t: { quantityPercent: string; quantityCount: string }) {
  const bar = [q.min !== undefined ? `≥ ${formatNumber(q.min)}` : '', q.max !== undefined ? `≤ ${formatNumber(q.max)}` : ''].filter(Boolean).join(', ');
  return `${fill(q.measure === 'percent' ? t.quantityPercent : t.quantityCount, { of: q.of })}${bar ? ` (${bar})` : ''}`;
}

/** A criterion judged from records: its outcome in words, the decision behind a title, the areas behind a share. */
function FromRecords({ outcome }: { outcome: CriterionOutcome | undefined }) {
  const { t } = useT();
  if (!outcome) return null;
  const word = outcome.status === 'dat' ? t.pass : outcome.status === 'na' ? t.notApplicable : t.fail;
  return (
    <div className="kdc-records" data-testid="from-records">
      <Text size="sm">
        <b>
          {t.fromRecords}: {word}
        </b>
        {outcome.shortfall ? ` — ${outcome.shortfall}` : ''}
      </Text>
      {outcome.source && <Text size="sm">{outcome.source}</Text>}
      {outcome.detail && (
        <Text size="sm">
          {fill(t.shareDetail, { held: outcome.detail.held, total: outcome.detail.total })}
          {outcome.detail.units.length > 0 && `: ${outcome.detail.units.map((u) => `${u.name}${u.held ? ' ✓' : ''}`).join(', ')}`}
        </Text>
      )}
    </div>
  );
}

/** The input for one criterion or part, by its kind. */
function ItemInput({ item, props, label }: { item: Criterion | CriterionPart; props: RowProps; label: string }) {
  const { t } = useT();
  if (props.recordJudged.has(item.code)) return <FromRecords outcome={props.outcome(item.code)} />;
  const value = props.patch(item.code)?.value ?? null;
  const number = typeof value === 'number' ? value : null;
  const set = (v: Value) => props.onChange(item.code, { value: v });
  const error = props.serverError;
  switch (item.kind) {
    case 'points':
      return (
        <NumberField
          size="sm"
          mt={4}
          label={fill(t.pointsOf, { max: formatNumber(maxPointsOf(item)) })}
          min={0}
          max={maxPointsOf(item)}
          disabled={!props.editable}
          data-code={item.code}
          value={number}
          onChange={set}
          error={error}
        />
      );
    case 'quantity':
      return item.quantity ? (
        <NumberField
          size="sm"
          mt={4}
          label={quantityLabel(item.quantity, t)}
          min={0}
          disabled={!props.editable}
          data-code={item.code}
          value={number}
          onChange={set}
          error={error}
        />
      ) : null;
    case 'title-share':
      return (
        <NumberField
          size="sm"
          mt={4}
          label={t.sharePercent}
          min={0}
          max={100}
          disabled={!props.editable}
          data-code={item.code}
          value={number}
          onChange={set}
          error={error}
        />
      );
    default:
      return <PassFail code={item.code} label={label} value={value} editable={props.editable} allowNa={props.allowNa} onChange={set} />;
  }
}

export function CriterionRow(props: RowProps) {
  const { t } = useT();
  const { criterion: c, editable } = props;
  const own = props.patch(c.code);
  const label = `${t.criterion} ${c.code}`;
  const applies = appliesTo(c, props.profile);
  // A composite points criterion scores its parts; other composites are judged part by part too.
  const parts = c.parts ?? [];
  return (
    <Stack gap={2} data-criterion={c.code} id={`criterion-${c.code}`} className="kdc-criterion">
      <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
        <b>{c.code}.</b> {wordingFor(c, props.profile)}
      </Text>
      {!applies ? (
        <Text size="sm" fs="italic">
          {t.notForThisArea}
        </Text>
      ) : parts.length ? (
        parts.map((p) => (
          <div key={p.code}>
            <Text size="sm" mt={4}>
              {p.code} — {p.text}
            </Text>
            <ItemInput item={p} props={props} label={`${t.criterion} ${p.code}`} />
          </div>
        ))
      ) : (
        <ItemInput item={c} props={props} label={label} />
      )}
      {props.serverError && c.kind === 'pass-fail' && !parts.length && (
        <Text size="sm" c="red.9" role="alert">
          {props.serverError}
        </Text>
      )}
      {applies && (
        <>
          <TextInput
            size="sm"
            mt={4}
            label={t.note}
            value={own?.note ?? ''}
            disabled={!editable}
            onChange={(e) => props.onChange(c.code, { note: e.currentTarget.value })}
          />
          {(props.differs || own?.reason) && (
            <TextInput
              size="sm"
              mt={4}
              required={props.differs}
              label={t.boardReason}
              value={own?.reason ?? ''}
              disabled={!editable}
              error={props.reasonMissing ? t.reasonRequiredBoard : undefined}
              onChange={(e) => props.onChange(c.code, { reason: e.currentTarget.value })}
            />
          )}
          <Evidence registrationId={props.registrationId} criterionCode={c.code} files={props.evidence} disabled={!editable} label={label} />
        </>
      )}
    </Stack>
  );
}

/** A disqualifying case: occurs or does not, recorded by the area and by the board like a criterion. */
export function DisqualifierRow({
  code,
  text,
  value,
  editable,
  onChange,
}: {
  code: string;
  text: string;
  value: Value;
  editable: boolean;
  onChange: (v: Value) => void;
}) {
  const { t } = useT();
  return (
    <Stack gap={2} data-criterion={code} id={`criterion-${code}`} className="kdc-criterion">
      <Text size="sm">
        <b>{code}.</b> {text}
      </Text>
      <SegmentedControl
        fullWidth
        mt={4}
        disabled={!editable}
        aria-label={`${t.disqualifier} ${code}`}
        data-code={code}
        value={value === true ? 'yes' : value === false ? 'no' : ''}
        data={[
          { value: 'no', label: t.doesNotOccur },
          { value: 'yes', label: t.occurs },
        ]}
        onChange={(v) => onChange(v === 'yes')}
      />
    </Stack>
  );
}
