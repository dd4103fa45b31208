// Tests that run the `newsdesk` command (bin/newsdesk.mjs) need dist/ up to date; building it once here,
// before any test starts, keeps several of them from each rebuilding it at the same time.
import { build, isStale, tscPath } from '../bin/build.mjs';

export default function setup(): void {
  if (isStale() && tscPath() && !build()) throw new Error('npm run build failed: the tests that run the newsdesk command need dist/.');
}
