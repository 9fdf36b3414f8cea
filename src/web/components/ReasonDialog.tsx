/**
 * Asking for a reason in a proper dialog (not the browser's prompt box): the
 * reason is required, said at the field when missing, and kept with the
 * action so the area leader reads it on their scorecard.
 */
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useT } from '../i18n/index';

export function ReasonDialog({
  opened,
  title,
  help,
  confirm,
  onClose,
  onConfirm,
}: {
  opened: boolean;
  title: string;
  help?: string;
  confirm: string;
  onClose: () => void;
  onConfirm: (reason: string) => Promise<void> | void;
}) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setReason('');
    setTried(false);
    onClose();
  };
  const submit = async () => {
    setTried(true);
    if (!reason.trim()) return;
    setBusy(true);
    try {
      await onConfirm(reason.trim());
      setReason('');
      setTried(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={close} title={title} centered closeButtonProps={{ 'aria-label': t.closeDialog }}>
      <Stack>
        {help && <Text size="sm">{help}</Text>}
        <Textarea
          label={t.reason}
          required
          autosize
          minRows={3}
          value={reason}
          data-autofocus
          onChange={(e) => setReason(e.currentTarget.value)}
          error={tried && !reason.trim() ? t.reasonRequired : undefined}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t.cancel}
          </Button>
          <Button onClick={() => void submit()} loading={busy}>
            {confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
