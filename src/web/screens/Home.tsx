/**
 * What needs my action in the chosen programme and year, and its deadlines.
 * An empty list says why and what to do: an area head who has not registered
 * is sent to their area's page to register.
 */
import { Alert, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { AnchorLink, CardLink } from '../components/links';
import { queries } from '../api/queries';
import { useProgramYear } from '../context';
import { isOneOf } from '../../core/one-of';
import { formatDate } from '../../core/text/date';
import { AREA_KINDS } from '../../core/units/kinds';
import { QueryState } from '../components/QueryState';
import { fill, useT } from '../i18n/index';
import { stepLabel } from '../labels';
import { useUser } from '../session';

export default function Home() {
  const { t } = useT();
  const user = useUser();
  const { program, year } = useProgramYear();
  const tasks = useQuery(queries.tasks(year));
  // An area head's own area: where they register and fill the scorecard.
  const areaGrant = user.grants.find((g) => g.role === 'area-head');
  const ownArea = useQuery({ ...queries.units(''), enabled: Boolean(areaGrant) });
  const area = ownArea.data?.find((u) => u.id === areaGrant?.unitId && isOneOf(AREA_KINDS, u.kind));
  return (
    <Stack>
      <Title order={2}>
        {t.home} — {user.displayName}
      </Title>
      <QueryState query={tasks}>
        {(data) => {
          const mine = data.tasks.filter((task) => task.programCode === program?.code);
          const deadlines = data.deadlines.filter((d) => d.programCode === program?.code);
          return (
            <>
              {mine.length === 0 && (
                <Alert color="gray" role="status" title={fill(t.noTasksTitle, { year })}>
                  {area ? (
                    <Text size="sm">
                      {t.noTasksArea}{' '}
                      <AnchorLink to="/area/$unitId" params={{ unitId: area.id }}>
                        {fill(t.openArea, { name: area.name })}
                      </AnchorLink>
                    </Text>
                  ) : (
                    <Text size="sm">{t.noTasksOfficer}</Text>
                  )}
                </Alert>
              )}
              {mine.map((task) => (
                <CardLink key={task.registrationId} withBorder to="/registration/$id" params={{ id: task.registrationId }} className="kdc-card-link">
                  <Group justify="space-between" wrap="nowrap">
                    <div>
                      <Text fw={600}>{task.unitName}</Text>
                      {task.communeName && <Text size="sm">{task.communeName}</Text>}
                    </div>
                    <span className="kdc-pill">{stepLabel(task.status)}</span>
                  </Group>
                  <Text size="sm" mt={4}>
                    {t[`task_${task.action}` as 'task_self-assess'] ?? task.action}
                  </Text>
                </CardLink>
              ))}
              <Title order={3} size="h4">
                {t.deadlines}
              </Title>
              {deadlines.length === 0 ? (
                <Text size="sm">{t.noDeadlines}</Text>
              ) : (
                deadlines.map((d) => (
                  <Group key={d.label + d.date} gap="xs">
                    <Text size="sm">
                      {formatDate(d.date)} — {d.label}
                    </Text>
                    {d.overdue && <span className="kdc-pill kdc-pill-warn">{t.overdue}</span>}
                  </Group>
                ))
              )}
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}
