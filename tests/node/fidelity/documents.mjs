// The documents the fidelity tests (issue #11) measure, in one place: every real-world
// description of the corpus that lints clean (apis-guru/ and providers/, the same set
// ts_real_world compiles) and GitHub's description, sampled. Exclusions carry their reason.
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const corpusDir = process.env.SPECC_CORPUS || process.env.DEFAULT_CORPUS || "../shared/corpus";

// Whole directories (every .yaml/.json file directly in them) and single files, relative
// to the corpus.
const directories = ["apis-guru/", "providers/cloudflare/", "providers/neon/", "providers/postman/",
  "providers/vercel/", "providers/upstash/qstash/", "providers/upstash/workflow/"];
const files = ["providers/upstash/developer-api/openapi.yml", "github/octokit-openapi/api.github.com.json"];

// Documents left out, each with why. Keep this list short: a document leaves it when the
// reason goes away.
export const excluded = new Map([
  ["apis-guru/adyen.com__PaymentService__50__openapi.yaml",
    "lint rejects it on purpose (tests/corpus): it does not lint clean"],
]);

// Documents too large to measure whole in the time CI has: only a deterministic sample of
// their requests is sent (self_consistency). The sample keeps each name whose FNV-1a hash,
// salted with the seed, falls in the first `share` of the hash range; the same names are
// taken on every run and machine.
export const sampled = new Map([
  ["github/octokit-openapi/api.github.com.json", { share: 0.2, seed: "issue-11" }],
]);

// zod_ajv_agreement compares at most this many schemas of one document (~35 instances
// each): of a document with more (12 of them, GitHub's included), the ones whose labels
// hash lowest with the seed, the same on every run. This keeps the test near a minute and a
// half of CPU; `SPECC_FIDELITY_ALL=1` compares every schema.
export const schemaBudget = process.env.SPECC_FIDELITY_ALL === "1" ? Infinity : 120;
export const schemaSeed = "issue-11";

// Beside the corpus: fixtures/semantics.yaml, one small case per cause found in the corpus,
// so each shows alone and a fix has its own regression case. `filters` as for documents().
export function fixtures(filters = []) {
  const name = "fixture: fixtures/semantics.yaml";
  const path = join(dirname(fileURLToPath(import.meta.url)), "fixtures", "semantics.yaml");
  return filters.length === 0 || filters.some((f) => name.includes(f)) ? [{ name, path }] : [];
}

// Returns the documents as {name, path} (name relative to the corpus), sorted by name.
// A name given on the command line narrows the list to the documents whose name contains it.
export function documents(filters = []) {
  const names = [...files];
  for (const dir of directories) {
    const full = join(corpusDir, dir);
    if (!existsSync(full)) throw new Error(`the corpus has no ${dir} (corpus: ${corpusDir}; set SPECC_CORPUS)`);
    for (const f of readdirSync(full)) {
      if (/\.(ya?ml|json)$/.test(f)) names.push(dir + f);
    }
  }
  return names
    .filter((name) => !excluded.has(name))
    .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
    .sort()
    .map((name) => ({ name, path: join(corpusDir, name), sample: sampled.get(name) }));
}

// FNV-1a over the UTF-16 code units of `text`: a stable hash for sampling and seeding.
export function hash32(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

// Whether `key` is in the sample (always true without one).
export function inSample(sample, key) {
  if (!sample) return true;
  return hash32(`${sample.seed}:${key}`) / 2 ** 32 < sample.share;
}
