#!/usr/bin/env node
// The `kdc` command. TypeScript sources run through tsx, so there is no build
// step between `npm install` and `npx kdc`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
