/** The outbox as React state: the header's count, the scorecard's unsent values, an upload's progress. */
import { useSyncExternalStore } from 'react';
import { snapshot, subscribe, type OutboxState } from './outbox';

export const useOutbox = (): OutboxState => useSyncExternalStore(subscribe, snapshot);
