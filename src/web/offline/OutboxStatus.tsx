/**
 * The header's word on changes waiting on the device: how many, whether they
 * are being sent, and — opened — each one, with the server's message for any
 * it refused and a way to set that one aside once read.
 */
import { Badge, Button, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useState } from 'react';
import { fill, useT } from '../i18n/index';
import { dismiss, flush } from './outbox';
import { useOutbox } from './useOutbox';
import { FAIL, WAIT } from '../colors';

function useOnline() {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

export function OutboxStatus() {
  const { t } = useT();
  const { entries, sending } = useOutbox();
  const online = useOnline();
  const refused = entries.filter((e) => e.state === 'refused');
  const waiting = entries.length - refused.length;
  if (!entries.length && online) return null;
  const word = refused.length ? fill(t.outboxRefused, { n: refused.length }) : waiting ? fill(t.outboxWaiting, { n: waiting }) : t.offlineShort;
  return (
    <Popover width={300} position="bottom-end" withArrow>
      <Popover.Target>
        <UnstyledButton aria-label={word} data-testid="outbox">
          <Badge color={refused.length ? FAIL : WAIT} variant="filled" className="kdc-badge">
            {word}
          </Badge>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text size="sm">{online ? (sending ? t.outboxSending : t.outboxOnline) : t.outboxOffline}</Text>
          {entries.map((e) => (
            <div key={e.id} role={e.state === 'refused' ? 'alert' : undefined}>
              <Text size="sm" fw={600}>
                {e.label}
              </Text>
              {e.state === 'refused' && (
                <Text size="sm" c="red.9">
                  {t.outboxRefusedBy}: {e.message}
                </Text>
              )}
              {e.state === 'refused' && (
                <Button size="compact-xs" variant="light" mt={4} onClick={() => void dismiss(e.id!)}>
                  {t.outboxDismiss}
                </Button>
              )}
            </div>
          ))}
          {online && waiting > 0 && (
            <Button size="xs" onClick={() => void flush()} loading={sending}>
              {t.outboxSendNow}
            </Button>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
