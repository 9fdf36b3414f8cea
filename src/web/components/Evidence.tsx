/**
 * Evidence for one criterion: the files kept, the ones waiting on the device,
 * and adding one. A phone photo is shrunk on the phone before it is queued;
 * while a file is sent a progress bar shows and the button waits. A file is
 * opened in place (a picture or a PDF in a dialog), without leaving the app.
 */
import { Anchor, Button, FileButton, Group, Image, Modal, Progress, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { fill, useT } from '../i18n/index';
import { enqueueFile } from '../offline/outbox';
import { useOutbox } from '../offline/useOutbox';
import { resizeImage } from './resize';

interface Kept {
  id: number;
  filename: string;
  mimeType: string;
}

function Viewer({ file, onClose }: { file: Kept | null; onClose: () => void }) {
  const { t } = useT();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!file) return;
    let made: string | null = null;
    setUrl(null);
    setFailed(false);
    fetch(`/api/evidence/${file.id}`, { credentials: 'same-origin' })
      .then((r) => {
        if (!r.ok) throw new Error(String(r.status));
        return r.blob();
      })
      .then(
        (b) => {
          made = URL.createObjectURL(new Blob([b], { type: file.mimeType }));
          setUrl(made);
        },
        () => setFailed(true),
      );
    return () => {
      if (made) URL.revokeObjectURL(made);
    };
  }, [file]);
  const image = file?.mimeType.startsWith('image/');
  const pdf = file?.mimeType === 'application/pdf';
  return (
    <Modal opened={Boolean(file)} onClose={onClose} title={file?.filename} size="xl" centered closeButtonProps={{ 'aria-label': t.closeDialog }}>
      {failed && <Text role="alert">{t.evidenceUnavailable}</Text>}
      {url && image && <Image src={url} alt={file!.filename} fit="contain" mah="70vh" />}
      {url && pdf && <iframe src={url} title={file!.filename} style={{ width: '100%', height: '70vh', border: 0 }} />}
      {url && !image && !pdf && (
        <Anchor href={url} download={file!.filename}>
          {t.download} {file!.filename}
        </Anchor>
      )}
    </Modal>
  );
}

export function Evidence({
  registrationId,
  criterionCode,
  files,
  disabled,
  label,
}: {
  registrationId: number;
  criterionCode: string;
  files: Kept[];
  disabled: boolean;
  label: string;
}) {
  const { t } = useT();
  const { entries, upload } = useOutbox();
  const [open, setOpen] = useState<Kept | null>(null);
  const [preparing, setPreparing] = useState(false);
  const waiting = entries.filter((e) => e.kind === 'evidence' && e.registrationId === registrationId && e.criterionCode === criterionCode);
  const sending = waiting.find((e) => e.id === upload?.entryId);
  const add = async (file: File | null) => {
    if (!file) return;
    setPreparing(true);
    try {
      const blob = await resizeImage(file);
      const name = blob === file ? file.name : file.name.replace(/\.\w+$/, '') + '.jpg';
      await enqueueFile(registrationId, criterionCode, blob, name, fill(t.outboxFileLabel, { file: name, what: label }));
    } finally {
      setPreparing(false);
    }
  };
  return (
    <div>
      <Group gap="xs" mt={4}>
        {files.map((f) => (
          <Anchor key={f.id} size="sm" component="button" type="button" onClick={() => setOpen(f)}>
            {f.filename}
          </Anchor>
        ))}
        {waiting.map(
          (e) =>
            e.kind === 'evidence' && (
              <Text key={e.id} size="sm" c={e.state === 'refused' ? 'red.9' : undefined}>
                {e.filename} — {e.state === 'refused' ? `${t.outboxRefusedBy}: ${e.message}` : t.fileWaiting}
              </Text>
            ),
        )}
        {!disabled && (
          <FileButton onChange={(f) => void add(f)} accept="image/*,application/pdf,.docx,.xlsx">
            {(props) => (
              <Button {...props} size="compact-sm" variant="default" loading={preparing} disabled={Boolean(sending) || preparing}>
                {t.upload}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {sending && upload && (
        <Progress
          value={Math.round((upload.sent / Math.max(1, upload.total)) * 100)}
          size="lg"
          mt={4}
          aria-label={fill(t.uploadProgress, { file: sending.kind === 'evidence' ? sending.filename : '' })}
        />
      )}
      <Viewer file={open} onClose={() => setOpen(null)} />
    </div>
  );
}
