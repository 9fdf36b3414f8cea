/** Evidence for one criterion: list, and upload (photos resized on the device first). */
import { Anchor, FileButton, Group, Button, Text } from '@mantine/core';
import { useState } from 'react';
import { useT } from '../i18n/index';
import { resizeImage } from './resize';

export function EvidenceUpload({ registrationId, criterionCode, files, disabled, onUploaded }: {
  registrationId: number; criterionCode: string; files: Array<{ id: number; filename: string }>; disabled: boolean; onUploaded: () => void;
}) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const upload = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    setError('');
    try {
      const body = new FormData();
      body.append('criterionCode', criterionCode);
      const blob = await resizeImage(file);
      body.append('file', blob, blob === file ? file.name : file.name.replace(/\.\w+$/, '.jpg'));
      const csrf = (await (await fetch('/api/auth/me')).json()).csrfToken as string;
      const res = await fetch(`/api/registrations/${registrationId}/evidence`, { method: 'POST', body, headers: { 'x-csrf-token': csrf } });
      if (!res.ok) throw new Error((await res.json()).error?.message ?? t.error);
      onUploaded();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group gap="xs" mt={4}>
      {files.map((f) => <Anchor key={f.id} size="xs" href={`/api/evidence/${f.id}`}>{f.filename}</Anchor>)}
      {!disabled && (
        <FileButton onChange={upload} accept="image/*,application/pdf,.docx,.xlsx">
          {(props) => <Button {...props} size="compact-xs" variant="default" loading={busy}>{t.upload}</Button>}
        </FileButton>
      )}
      {error && <Text size="xs" c="red" role="alert">{error}</Text>}
    </Group>
  );
}
