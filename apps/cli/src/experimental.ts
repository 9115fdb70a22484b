import { missingFeatureFlags, type Chalice } from '@chalice/router';

/** The app uses experimental features it has not opted into; the message is the seed's. */
export class ExperimentalFeatureError extends Error {
  readonly code = 'EXPERIMENTAL_FEATURES';
}

/** Fails, as Python Chalice does before any command, when the app uses features without opting in. */
export function checkFeatureFlags(app: Chalice): void {
  const missing = missingFeatureFlags(app);
  if (!missing.length) return;
  throw new ExperimentalFeatureError(
    'You are using experimental features without explicitly opting in.\n' +
      'Experimental features do not guarantee backwards compatibility and may be removed in the future.\n' +
      'If you still like to use these experimental features, you can opt-in by adding this to your app.ts file:\n\n' +
      missing.map((feature) => `app.experimentalFeatureFlags.add('${feature}');`).join('\n') +
      '\n\nSee https://aws.github.io/chalice/topics/experimental.html for more details.',
  );
}
