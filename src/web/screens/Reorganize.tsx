/**
 * Recording a reorganisation decided by the council: merge, split, rename,
 * move under another parent, dissolve — with its effective date and legal
 * basis. Units are chosen by search and sent by id; a new unit is sent as
 * "parent id > name", which the server creates. The unit's history shows
 * below, for wards and communes too (the unit tree has no page for them).
 * Loaded only when opened.
 */
import { Alert, Button, Checkbox, CloseButton, Fieldset, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { api, call } from '../api/client';
import type { UnitBrief } from '../api/types';
import { parseDayFirst } from '../../core/text/date';
import { UnitHistory } from '../components/UnitHistory';
import { UnitPicker } from '../components/UnitPicker';
import { useT } from '../i18n/index';

const KINDS = ['merge', 'split', 'rename', 'move', 'close'] as const;
type Kind = (typeof KINDS)[number];
const UNIT_WORD = { split: 'splitUnit', rename: 'renameUnit', move: 'moveUnit', close: 'closeUnit' } as const;

const ref = (u: UnitBrief) => String(u.id);
const newRef = (parent: UnitBrief, name: string) => `${parent.id} > ${name.trim()}`;

export default function Reorganize() {
  const { t } = useT();
  const [kind, setKind] = useState<Kind>('merge');
  const [unit, setUnitState] = useState<UnitBrief | null>(null);
  const [from, setFrom] = useState<UnitBrief[]>([]);
  const [intoNew, setIntoNew] = useState('existing');
  const [into, setInto] = useState<UnitBrief | null>(null);
  const [parent, setParent] = useState<UnitBrief | null>(null);
  const [name, setName] = useState('');
  const [names, setNames] = useState(['']);
  const [keepOld, setKeepOld] = useState(true);
  const [date, setDate] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<{ id: number; name: string } | null>(null);
  const [version, setVersion] = useState(0);

  // New units of a split go, unless changed, under the parent of the unit split.
  const setUnit = (u: UnitBrief | null) => {
    setUnitState(u);
    if (u) setShown(u);
    if (u?.parentId)
      call(api.GET('/api/units/{id}', { params: { path: { id: u.parentId } } })).then(
        (p) => setParent({ id: p.id, name: p.name, kind: p.kind, parentId: p.parentId, parentName: null, closed: p.validTo !== null }),
        () => setParent(null),
      );
  };

  const iso = parseDayFirst(date);
  const common = { date: iso ?? '', legalBasis: legalBasis.trim() || undefined };
  const newNames = names.map((n) => n.trim()).filter(Boolean);
  /** The request, or null while something required is missing. */
  const body = (() => {
    if (!iso) return null;
    switch (kind) {
      case 'merge': {
        const target = intoNew === 'existing' ? into && ref(into) : parent && name.trim() && newRef(parent, name);
        return target && from.length ? { kind, ...common, into: target, from: from.map(ref) } : null;
      }
      case 'split': {
        const targets = [...(keepOld && unit ? [ref(unit)] : []), ...(parent ? newNames.map((n) => newRef(parent, n)) : [])];
        return unit && targets.length >= 2 ? { kind, ...common, unit: ref(unit), into: targets } : null;
      }
      case 'rename':
        return unit && name.trim() ? { kind, ...common, unit: ref(unit), name: name.trim() } : null;
      case 'move':
        return unit && into ? { kind, ...common, unit: ref(unit), to: ref(into) } : null;
      case 'close':
        return unit ? { kind, ...common, unit: ref(unit) } : null;
    }
  })();

  const submit = async () => {
    if (!body) return;
    setBusy(true);
    try {
      const res = await call(api.POST('/api/reorganizations', { body }));
      setResult({ ok: true, text: res.message });
      setShown(await call(api.GET('/api/units/{id}', { params: { path: { id: res.unitId } } })).catch(() => shown));
      setVersion((v) => v + 1);
      setUnitState(null);
      setFrom([]);
      setInto(null);
      setName('');
      setNames(['']);
    } catch (e) {
      setResult({ ok: false, text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const parentPicker = <UnitPicker label={t.parentUnit} value={parent} onChange={setParent} testId="parent-unit" />;
  return (
    <Stack maw={720}>
      <Title order={2}>{t.reorganize}</Title>
      <Text size="sm">{t.reorganizeHelp}</Text>
      <Select
        label={t.reorganizeKind}
        value={kind}
        allowDeselect={false}
        onChange={(v) => {
          setKind(v as Kind);
          setResult(null);
        }}
        data={KINDS.map((k) => ({ value: k, label: t[k] }))}
      />

      {kind === 'merge' ? (
        <>
          <Fieldset legend={t.mergeFrom}>
            <Stack gap="xs">
              {from.map((u) => (
                <Group key={u.id} gap="xs" wrap="nowrap">
                  <Text size="sm">{u.name}</Text>
                  <CloseButton size="sm" aria-label={`${t.remove} ${u.name}`} onClick={() => setFrom(from.filter((x) => x.id !== u.id))} />
                </Group>
              ))}
              <UnitPicker
                label={t.addMerged}
                value={null}
                onChange={(u) => {
                  if (u && !from.some((x) => x.id === u.id)) {
                    setFrom([...from, u]);
                    setShown(u);
                  }
                }}
              />
            </Stack>
          </Fieldset>
          <Fieldset legend={t.mergeInto}>
            <Stack gap="xs">
              <SegmentedControl
                value={intoNew}
                onChange={setIntoNew}
                data={[
                  { value: 'existing', label: t.existingUnit },
                  { value: 'new', label: t.newUnit },
                ]}
              />
              {intoNew === 'existing' ? (
                <UnitPicker
                  label={t.chooseUnit}
                  value={into}
                  onChange={(u) => {
                    setInto(u);
                    if (u) setShown(u);
                  }}
                />
              ) : (
                <>
                  {parentPicker}
                  <TextInput label={t.newUnitName} value={name} onChange={(e) => setName(e.currentTarget.value)} />
                </>
              )}
            </Stack>
          </Fieldset>
        </>
      ) : (
        <UnitPicker label={t[UNIT_WORD[kind]]} value={unit} onChange={setUnit} testId="reorganized-unit" />
      )}

      {kind === 'split' && (
        <Fieldset legend={t.splitInto}>
          <Stack gap="xs">
            <Checkbox label={t.keepOld} checked={keepOld} onChange={(e) => setKeepOld(e.currentTarget.checked)} />
            {parentPicker}
            {names.map((n, i) => (
              <Group key={i} gap="xs" wrap="nowrap" align="end">
                <TextInput
                  style={{ flex: 1 }}
                  label={`${t.newUnitName} ${i + 1}`}
                  value={n}
                  onChange={(e) => setNames(names.map((x, j) => (j === i ? e.currentTarget.value : x)))}
                />
                {names.length > 1 && <CloseButton mb={6} aria-label={`${t.remove} ${i + 1}`} onClick={() => setNames(names.filter((_, j) => j !== i))} />}
              </Group>
            ))}
            <Group>
              <Button variant="subtle" size="compact-sm" onClick={() => setNames([...names, ''])}>
                + {t.addName}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
      )}
      {kind === 'rename' && <TextInput label={t.newName} value={name} onChange={(e) => setName(e.currentTarget.value)} />}
      {kind === 'move' && <UnitPicker label={t.moveTo} value={into} onChange={setInto} />}

      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t.effectiveDate}
          placeholder="01/03/2026"
          value={date}
          inputMode="numeric"
          onChange={(e) => setDate(e.currentTarget.value)}
          error={date.trim() && !iso ? t.dateInvalid : undefined}
        />
        <TextInput label={t.legalBasis} placeholder={t.legalBasisHint} value={legalBasis} onChange={(e) => setLegalBasis(e.currentTarget.value)} />
      </SimpleGrid>
      <Group>
        <Button onClick={submit} disabled={!body} loading={busy}>
          {t.recordReorganization}
        </Button>
      </Group>
      {result && (
        <Alert color={result.ok ? 'green' : 'red'} role={result.ok ? 'status' : 'alert'}>
          {result.text}
        </Alert>
      )}
      {shown && <UnitHistory unit={shown} version={version} />}
    </Stack>
  );
}
