// The runtime-fidelity failures that remain, per document, with their cause
// (known_failures.json); each is a defect of the document itself that lint reports. A
// document that does worse than its entry (or fails without one) fails the test: a
// regression. One that does better fails it too, until its entry is lowered or removed:
// the list only shrinks, and every number in it is what the test measures today.
import { readFileSync } from "node:fs";

const known = JSON.parse(readFileSync(new URL("./known_failures.json", import.meta.url), "utf8"));

// Returns { ok, message } for `count` failures of `doc` in `test`.
export function judge(test, doc, count) {
  const entry = known[test]?.[doc];
  const allowed = entry?.count ?? 0;
  if (count > allowed) {
    return { ok: false, message: `REGRESSION: ${count} failures, ${allowed} known${entry ? ` (${entry.cause})` : ""}` };
  }
  if (count < allowed) {
    return { ok: false, message: `IMPROVED: ${count} failures, ${allowed} known: lower its entry in fidelity/known_failures.json` };
  }
  return { ok: true, message: allowed ? `known: ${allowed} (${entry.cause}; issue #11)` : "" };
}

// The documents `test` lists, for the summary.
export const knownCount = (test) => Object.values(known[test] || {}).reduce((n, e) => n + e.count, 0);
