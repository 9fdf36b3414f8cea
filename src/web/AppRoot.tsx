/**
 * Everything after the login: the full stylesheet, the query cache, the
 * router and its screens, the outbox. Loaded only once someone is signed in
 * (or while they type their password), so a phone on a slow link gets the
 * login form from a small first download.
 */
import '@mantine/core/styles.css';
import './app.css';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { ApiError } from './api/client';
import type { Me } from './api/types';
import { queries } from './api/queries';
import { startOutbox } from './offline/outbox';
import { makeRouter } from './router';
import { theme } from './theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // A refusal (403, 404, 400) will not change by asking again; a lost connection may.
      retry: (count, error) => count < 2 && error instanceof ApiError && error.offline,
      refetchOnWindowFocus: false,
    },
  },
});
const router = makeRouter(queryClient);
// Changes left waiting on the device by an earlier visit are shown and sent.
startOutbox();

export default function AppRoot({ me }: { me: Me }) {
  if (queryClient.getQueryData(queries.me().queryKey) === undefined) queryClient.setQueryData(queries.me().queryKey, me);
  return (
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
