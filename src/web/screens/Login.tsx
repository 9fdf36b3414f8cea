import { Alert, Button, Container, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api, setCsrf, type User } from '../api';
import { useT } from '../i18n/index';

export function Login({ onLogin }: { onLogin: (user: User) => void }) {
  const { t } = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      const res = await api<{ user: User; csrfToken: string }>('POST', '/api/auth/login', { username, password });
      setCsrf(res.csrfToken);
      onLogin(res.user);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Container size={420} py="xl">
      <Title order={1} size="h3" ta="center" mb="md">{t.appName}</Title>
      <Paper withBorder p="md" radius="md" component="form" onSubmit={submit}>
        <Stack>
          <TextInput label={t.username} value={username} onChange={(e) => setUsername(e.currentTarget.value)} autoComplete="username" required />
          <PasswordInput label={t.password} value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="current-password" required />
          {error && <Alert color="red" role="alert">{error}</Alert>}
          <Button type="submit" loading={busy}>{t.login}</Button>
        </Stack>
      </Paper>
    </Container>
  );
}
