#!/usr/bin/env node
// Runs the TypeScript sources directly (no build step for a clone); `npm run build` emits dist/ for deployments.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
