/**
 * Uploading a file whose answer is streamed as NDJSON (one JSON object per
 * line). XMLHttpRequest, not fetch: fetch cannot report how much of the
 * request body has been sent, and on a slow rural link the upload is the
 * long part. The answer is read as it arrives, so the server's own progress
 * (reading, checking, writing) shows while it works.
 */
import { getCsrf } from './api/client';

/** Complete lines after `from` in the text so far, and where the next read starts (a partial last line waits). */
export function takeLines(text: string, from: number): { lines: string[]; next: number } {
  const end = text.lastIndexOf('\n');
  if (end < from) return { lines: [], next: from };
  const lines = text
    .slice(from, end)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return { lines, next: end + 1 };
}

export type UploadOutcome<E> =
  | { kind: 'events'; events: E[] }
  /** A non-200 answer (403, 400, 413…) in the usual JSON form, or no answer at all (status 0). */
  | { kind: 'failed'; status: number; message: string };

export function uploadStreamed<E>(
  url: string,
  form: FormData,
  on: { upload: (sent: number, total: number) => void; event: (event: E) => void },
): Promise<UploadOutcome<E>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    let read = 0;
    const events: E[] = [];
    const accept = (lines: string[]) => {
      for (const line of lines) {
        try {
          const event = JSON.parse(line) as E;
          events.push(event);
          on.event(event);
        } catch {
          /* a line cut by a broken connection: the missing last event says so */
        }
      }
    };
    const drain = () => {
      if (xhr.status !== 200) return;
      const { lines, next } = takeLines(xhr.responseText, read);
      read = next;
      accept(lines);
    };
    xhr.open('POST', url);
    xhr.setRequestHeader('x-csrf-token', getCsrf());
    xhr.setRequestHeader('accept', 'application/x-ndjson');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) on.upload(e.loaded, e.total);
    };
    xhr.onprogress = drain;
    xhr.onload = () => {
      if (xhr.status === 200) {
        // A last line without its newline, if any, is complete once the answer is.
        drain();
        accept(takeLines(`${xhr.responseText}\n`, read).lines);
        resolve({ kind: 'events', events });
        return;
      }
      let message = `Lỗi ${xhr.status}`;
      try {
        message = (JSON.parse(xhr.responseText) as { error?: { message?: string } }).error?.message ?? message;
      } catch {
        /* not JSON: a proxy's page */
      }
      resolve({ kind: 'failed', status: xhr.status, message });
    };
    xhr.onerror = () => resolve({ kind: 'failed', status: 0, message: '' });
    xhr.send(form);
  });
}
