import { chaliceHandler } from './apps/chalice.ts';
import type { Handler } from './apps/handler.ts';
import { honoHandler } from './apps/hono.ts';
import { lambdaApiHandler } from './apps/lambda-api.ts';
import { switchHandler } from './apps/switch.ts';

export type { Handler, ProxyAnswer } from './apps/handler.ts';

/** Every implementation, by name; the switch (first) is the reference the others are measured against. */
export const IMPLEMENTATIONS: Readonly<Record<string, () => Handler>> = {
  switch: switchHandler,
  chalice: chaliceHandler,
  'lambda-api': lambdaApiHandler,
  hono: honoHandler,
};
