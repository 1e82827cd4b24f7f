import type * as Features from './features';

export type FeaturesModule = typeof Features;

let loaded: FeaturesModule | undefined;

/**
 * The vscode layer behind activation's registrations (src/features.ts), loaded on first use, as the core is
 * (loadCore.ts): activation only registers, so it never pays for parsing the panels, the practice problems' Check,
 * the quiz and the mock interview. When built, it is its own file, dist/features.js (scripts/build.mjs).
 */
export function features(): FeaturesModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load is the point; see above
  loaded ??= require('./features') as FeaturesModule;
  return loaded;
}
