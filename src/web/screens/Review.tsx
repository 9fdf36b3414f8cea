/**
 * The board's and the council's work list for the chosen programme and year:
 * areas with their step and verdict; bulk actions offered only to those who
 * may take them, a reason asked in a dialog where one is required.
 */
import { Alert, Button, Checkbox, Group, NativeSelect, Pagination, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { AnchorLink } from '../components/links';
import { useEffect, useState } from 'react';
import { REVIEW_PAGE_SIZE } from '../../core/paging';
import { api, call } from '../api/client';
import { invalidateCycle, queries } from '../api/queries';
import { useProgramYear } from '../context';
import { QueryState } from '../components/QueryState';
import { ReasonDialog } from '../components/ReasonDialog';
import { fill, useT } from '../i18n/index';
import { stepLabel } from '../labels';
import { useCan } from '../session';

const STEPS = ['registered', 'self-assessed', 'board-proposed', 'board-rejected', 'council-recommended', 'council-not-recommended', 'recognized'];
type Bulk = 'propose' | 'recommend' | 'reject' | 'not-recommend' | 'return';

export default function Review() {
  const { t } = useT();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { program, year } = useProgramYear();
  const { status, q, page = 1 } = useSearch({ from: '/review' });
  const code = program?.code ?? '';
  const [words, setWords] = useState(q ?? '');
  const [typed] = useDebouncedValue(words.trim(), 300);
  // The typed words reach the address (and the server) once typing pauses; a new search starts at page 1.
  useEffect(() => {
    if (typed !== (q ?? '')) void navigate({ to: '/review', search: (prev) => ({ ...prev, q: typed || undefined, page: undefined }), replace: true });
  }, [typed]);
  const rows = useQuery({
    ...queries.areas(code, year, { status, q, registered: 'true', limit: REVIEW_PAGE_SIZE, offset: (page - 1) * REVIEW_PAGE_SIZE }),
    enabled: Boolean(program),
  });
  const appraise = useCan('appraise');
  const review = useCan('review');
  const [selected, setSelected] = useState<number[]>([]);
  const [asking, setAsking] = useState<Bulk | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const bulk = async (action: Bulk, reason?: string) => {
    try {
      const res = await call(api.POST('/api/registrations/bulk-actions', { body: { ids: selected, action, reason } }));
      setMessage({ ok: res.failed.length === 0, text: [fill(t.bulkDone, { n: res.done.length }), ...res.failed.map((f) => f.message)].join(' ') });
      setSelected([]);
      setAsking(null);
      await invalidateCycle(client);
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
    }
  };
  const actions: Array<{ action: Bulk; label: string; reason: boolean }> = [
    ...(appraise
      ? [
          { action: 'propose' as const, label: t.propose, reason: false },
          { action: 'reject' as const, label: t.reject, reason: true },
        ]
      : []),
    ...(review
      ? [
          { action: 'recommend' as const, label: t.recommend, reason: false },
          { action: 'not-recommend' as const, label: t.notRecommend, reason: true },
        ]
      : []),
    ...(appraise ? [{ action: 'return' as const, label: t.returnBack, reason: true }] : []),
  ];
  return (
    <Stack>
      <Title order={2}>
        {t.review} {year}
      </Title>
      <NativeSelect
        label={t.status}
        value={status ?? ''}
        w={{ base: '100%', sm: 320 }}
        onChange={(e) => void navigate({ to: '/review', search: (prev) => ({ ...prev, status: e.currentTarget.value || undefined, page: undefined }) })}
        data={[{ value: '', label: t.all }, ...STEPS.map((s) => ({ value: s, label: stepLabel(s) }))]}
      />
      <TextInput label={t.searchArea} value={words} w={{ base: '100%', sm: 320 }} onChange={(e) => setWords(e.currentTarget.value)} />
      <QueryState query={rows}>
        {({ items: list, total }) => {
          if (!list.length)
            return (
              <Alert color="gray" role="status">
                {q ? fill(t.reviewNoMatch, { q }) : status ? fill(t.reviewEmptyStatus, { status: stepLabel(status), year }) : fill(t.reviewEmpty, { year })}
              </Alert>
            );
          const pages = Math.ceil(total / REVIEW_PAGE_SIZE);
          return (
            <Stack gap="xs">
              <Text size="sm" role="status">
                {fill(t.reviewShown, { from: (page - 1) * REVIEW_PAGE_SIZE + 1, to: (page - 1) * REVIEW_PAGE_SIZE + list.length, total })}
              </Text>
              <Table striped aria-label={t.review}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>
                      <span className="kdc-sr">{t.selected}</span>
                    </Table.Th>
                    <Table.Th>{t.area}</Table.Th>
                    <Table.Th>{t.status}</Table.Th>
                    <Table.Th>{t.verdict}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((r) => (
                    <Table.Tr key={r.unitId}>
                      <Table.Td>
                        <Checkbox
                          aria-label={r.unitName + (r.communeName ? `, ${r.communeName}` : '')}
                          checked={selected.includes(r.registrationId!)}
                          onChange={(e) =>
                            setSelected(e.currentTarget.checked ? [...selected, r.registrationId!] : selected.filter((x) => x !== r.registrationId))
                          }
                        />
                      </Table.Td>
                      <Table.Td>
                        <AnchorLink to="/registration/$id" params={{ id: r.registrationId! }}>
                          {r.unitName}
                        </AnchorLink>
                        <Text size="sm">{r.communeName}</Text>
                      </Table.Td>
                      <Table.Td>{stepLabel(r.status)}</Table.Td>
                      <Table.Td>{r.verdict ? <span className="kdc-pill">{r.verdict.recognized ? t.recognized : t.notRecognized}</span> : '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {pages > 1 && (
                <Pagination
                  total={pages}
                  value={page}
                  onChange={(p) => void navigate({ to: '/review', search: (prev) => ({ ...prev, page: p > 1 ? p : undefined }) })}
                  getItemProps={(p) => ({ 'aria-label': fill(t.pageN, { n: p }) })}
                  getControlProps={(control) => ({ 'aria-label': control === 'next' ? t.pageNext : control === 'previous' ? t.pagePrevious : control })}
                  withEdges={false}
                  siblings={1}
                />
              )}
            </Stack>
          );
        }}
      </QueryState>
      {actions.length > 0 && (
        <Group>
          {actions.map((a) => (
            <Button
              key={a.action}
              variant={a.reason ? 'light' : 'filled'}
              disabled={!selected.length}
              onClick={() => (a.reason ? setAsking(a.action) : void bulk(a.action))}
            >
              {a.label}
            </Button>
          ))}
          {!selected.length && <Text size="sm">{t.selectFirst}</Text>}
        </Group>
      )}
      {message && (
        <Alert color={message.ok ? 'green' : 'orange'} role="status">
          {message.text}
        </Alert>
      )}
      <ReasonDialog
        opened={asking !== null}
        title={actions.find((a) => a.action === asking)?.label ?? ''}
        confirm={actions.find((a) => a.action === asking)?.label ?? ''}
        onClose={() => setAsking(null)}
        onConfirm={(reason) => bulk(asking!, reason)}
      />
    </Stack>
  );
}
