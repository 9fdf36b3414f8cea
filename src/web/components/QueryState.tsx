/**
 * Loading and error states of a query: a spinner after half a second, the
 * server's Vietnamese refusal as it is, and a lost connection said as such
 * (never the other way round), each with a retry.
 */
import { Alert, Button, Group, Loader } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useT } from '../i18n/index';

export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const { t } = useT();
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const id = setTimeout(() => setSlow(true), 500);
    return () => clearTimeout(id);
  }, []);
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.error) {
    const offline = query.error instanceof ApiError && query.error.offline;
    return (
      <Alert color={offline ? 'orange' : 'red'} title={offline ? t.offlineTitle : t.error} role="alert">
        <Group justify="space-between">
          {offline ? t.offlineNotCached : query.error.message}
          <Button size="xs" variant="light" onClick={() => void query.refetch()}>
            {t.retry}
          </Button>
        </Group>
      </Alert>
    );
  }
  return slow ? (
    <Group p="md">
      <Loader size="sm" aria-label={t.loading} />
      {t.loading}
    </Group>
  ) : null;
}
