/** What needs my action this season, and the deadlines. */
import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { api, type User } from '../api';
import { CURRENT_YEAR } from '../App';
import { formatDate } from '../../core/text/format';
import { Loaded, useLoad } from '../components/Load';
import { useT } from '../i18n/index';
import { stepLabel } from '../labels';

interface Tasks { tasks: Array<{ registrationId: number; unitName: string; communeName: string | null; status: string; action: string }>; deadlines: Array<{ label: string; date: string; overdue: boolean }> }

export function Home({ user }: { user: User }) {
  const { t } = useT();
  const state = useLoad(() => api<Tasks>('GET', `/api/me/tasks?year=${CURRENT_YEAR}`), []);
  return (
    <Stack>
      <Title order={2}>{t.home} — {user.displayName}</Title>
      <Loaded state={state}>{(data) => (
        <>
          {data.tasks.length === 0 && <Text>{t.noTasks}</Text>}
          {data.tasks.map((task) => (
            <Card key={task.registrationId} withBorder component="a" href={`#/registration/${task.registrationId}`}>
              <Group justify="space-between"><Text fw={600}>{task.unitName}{task.communeName ? ` — ${task.communeName}` : ''}</Text><Badge>{stepLabel(task.status)}</Badge></Group>
            </Card>
          ))}
          <Title order={3} size="h4">{t.deadlines}</Title>
          {data.deadlines.map((d) => (
            <Group key={d.label + d.date}><Text>{formatDate(d.date)} — {d.label}</Text>{d.overdue && <Badge color="gray">{t.overdue}</Badge>}</Group>
          ))}
        </>
      )}</Loaded>
    </Stack>
  );
}
