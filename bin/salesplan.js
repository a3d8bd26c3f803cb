#!/usr/bin/env node
// The CLI runs the TypeScript sources through tsx, so `npx salesplan` works right after
// `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
