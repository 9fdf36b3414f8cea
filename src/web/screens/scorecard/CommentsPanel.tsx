/**
 * Residents' comments on a registration during its commune's public notice
 * (issue 14), for the board and the council: the notice and its period with
 * the public page's address, opening the notice when there is none yet, each
 * comment with whoever sent it (never shown publicly), held ones flagged, and
 * the answer — tiếp thu, giải trình or không liên quan — with its reason.
 */
import { Alert, Anchor, Badge, Button, Card, Group, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { COMMENT_MARK_LABELS, COMMENT_MARKS, type CommentMark } from '../../../core/notice/notice';
import { formatDate } from '../../../core/text/date';

const T = {
  title: 'Ý kiến của Nhân dân (niêm yết công khai)',
  none: 'Chưa mở niêm yết công khai cho xã, phường này.',
  open: 'Mở niêm yết công khai',
  period: (from: string, to: string) => `Niêm yết từ ${formatDate(from)} đến hết ${formatDate(to)}`,
  state: { 'not-started': 'Chưa bắt đầu', open: 'Đang lấy ý kiến', ended: 'Đã hết thời hạn' } as Record<string, string>,
  publicPage: 'Trang công khai (không cần đăng nhập)',
  noComments: 'Chưa có ý kiến nào.',
  held: 'Chờ duyệt: có đường dẫn hoặc số điện thoại, không đăng công khai',
  anonymous: 'Không để lại tên',
  answer: 'Trả lời',
  answerAgain: 'Sửa trả lời',
  reason: 'Lý do, nội dung trả lời',
  save: 'Lưu trả lời',
  answeredBy: (who: string | null, at: string | null) => `${who ?? ''}${at ? `, ${formatDate(at)}` : ''}`,
};

export function CommentsPanel({ registrationId, programCode, year }: { registrationId: number; programCode: string; year: number }) {
  const client = useQueryClient();
  const key = ['registration-comments', registrationId];
  const query = useQuery({
    queryKey: key,
    queryFn: () => call(api.GET('/api/registrations/{id}/comments', { params: { path: { id: registrationId } } })),
  });
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  if (!query.data) return null;
  const { notice, commune, comments } = query.data;

  const openNotice = async () => {
    if (!commune) return;
    setBusy(true);
    setError('');
    try {
      await call(api.POST('/api/notices', { body: { programCode, year, unitId: commune.id } }));
      await client.invalidateQueries({ queryKey: key });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder padding="md" data-testid="comments-panel">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {T.title}
        </Title>
        {notice ? (
          <Group gap="xs">
            <Badge color={notice.state === 'open' ? 'orange' : 'gray'}>{T.state[notice.state]}</Badge>
            <Text size="sm">{T.period(notice.startsOn, notice.endsOn)}</Text>
            <Anchor size="sm" href={notice.url} target="_blank" rel="noopener">
              {T.publicPage}
            </Anchor>
          </Group>
        ) : (
          <Group gap="xs">
            <Text size="sm">{T.none}</Text>
            {commune?.canOpen && (
              <Button size="xs" onClick={() => void openNotice()} loading={busy}>
                {T.open}: {commune.name}
              </Button>
            )}
          </Group>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {notice && !comments.length && <Text size="sm">{T.noComments}</Text>}
        {comments.map((c) => (
          <CommentItem key={c.id} comment={c} onSaved={() => client.invalidateQueries({ queryKey: key })} />
        ))}
      </Stack>
    </Card>
  );
}

interface Comment {
  id: number;
  body: string;
  authorName: string | null;
  authorPhone: string | null;
  held: boolean;
  createdAt: string;
  mark: CommentMark | null;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
}

function CommentItem({ comment: c, onSaved }: { comment: Comment; onSaved: () => Promise<void> }) {
  const [editing, setEditing] = useState(false);
  const [mark, setMark] = useState<CommentMark>(c.mark ?? 'accepted');
  const [reason, setReason] = useState(c.answer ?? '');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setError('');
    try {
      await call(api.POST('/api/comments/{id}/answer', { params: { path: { id: c.id } }, body: { mark, reason } }));
      setEditing(false);
      await onSaved();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder padding="sm" data-testid={`comment-${c.id}`}>
      <Stack gap={6}>
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {c.authorName ?? T.anonymous}
            {c.authorPhone ? ` · ${c.authorPhone}` : ''}
          </Text>
          <Text size="xs" c="dimmed">
            {formatDate(c.createdAt)}
          </Text>
          {c.held && (
            <Badge color="yellow" variant="light">
              {T.held}
            </Badge>
          )}
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {c.body}
        </Text>
        {c.mark && !editing && (
          <Text size="sm" c="green.8">
            <b>{COMMENT_MARK_LABELS[c.mark]}:</b> {c.answer}{' '}
            <Text span size="xs" c="dimmed">
              ({T.answeredBy(c.answeredBy, c.answeredAt)})
            </Text>
          </Text>
        )}
        {editing ? (
          <Stack gap={6}>
            <SegmentedControl
              value={mark}
              onChange={(v) => setMark(v as CommentMark)}
              data={COMMENT_MARKS.map((m) => ({ value: m, label: COMMENT_MARK_LABELS[m] }))}
            />
            <Textarea label={T.reason} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Group>
              <Button size="xs" onClick={() => void save()} loading={busy} disabled={!reason.trim()}>
                {T.save}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Group>
            <Button size="xs" variant="light" onClick={() => setEditing(true)}>
              {c.mark ? T.answerAgain : T.answer}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
