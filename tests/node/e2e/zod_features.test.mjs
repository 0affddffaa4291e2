// Zod behaviour: for each schema feature of golden/emit_features, values the generated
// schemas must accept and values they must reject, run in Node against zod itself.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as s from "./gen/features/schemas.js";

const uuid = "3f1c2a9e-5b7d-4c1e-9a2f-8d6e4b3c2a10";
const pet = { name: "Rex", kind: "dog" };

// Each row: a schema, values it accepts, values it rejects.
const cases = [
  ["required and optional properties", s.Pet, [pet, { ...pet, id: uuid }], [{ name: "Rex" }, {}]],
  ["additionalProperties: false", s.Pet, [], [{ ...pet, colour: "red" }]],
  ["string length and pattern", s.Pet, [{ ...pet, name: "A" }], [{ ...pet, name: "" }, { ...pet, name: "R2D2" }, { ...pet, name: "x".repeat(65) }]],
  ["3.1 type array with null", s.Pet, [{ ...pet, nickname: null }, { ...pet, nickname: "R" }], [{ ...pet, nickname: 3 }]],
  ["formats", s.Pet,
    [{ ...pet, email: "a@b.co", homepage: "https://x.test/a", born: "2020-02-29", updatedAt: "2020-01-01T10:00:00Z", ip: "10.0.0.1", ip6: "::1" }],
    [{ ...pet, email: "nope" }, { ...pet, homepage: "not a url" }, { ...pet, born: "2020-13-01" }, { ...pet, updatedAt: "yesterday" }, { ...pet, ip: "300.1.1.1" }, { ...pet, ip6: "1.2.3.4" }]],
  ["integer bounds with exclusiveMaximum", s.Pet, [{ ...pet, age: 0 }, { ...pet, age: 99 }], [{ ...pet, age: -1 }, { ...pet, age: 100 }, { ...pet, age: 1.5 }]],
  ["number exclusiveMinimum and multipleOf", s.Pet, [{ ...pet, weight: 0.5 }, { ...pet, weight: 12 }], [{ ...pet, weight: 0 }, { ...pet, weight: 0.3 }]],
  ["array bounds and uniqueness", s.Pet, [{ ...pet, tags: ["a", "b"] }], [{ ...pet, tags: [] }, { ...pet, tags: ["a", "a"] }, { ...pet, tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }]],
  ["enum", s.Pet, [{ ...pet, status: "sold" }], [{ ...pet, status: "lost" }, { ...pet, kind: "cow" }]],
  ["const", s.Pet, [{ ...pet, legacy: 1 }], [{ ...pet, legacy: 2 }]],
  ["additionalProperties: schema", s.Pet, [{ ...pet, labels: { a: "x" } }], [{ ...pet, labels: { a: 1 } }]],
  ["additionalProperties: true", s.Pet, [{ ...pet, meta: { source: "s", other: 1 } }], [{ ...pet, meta: { source: 1 } }]],
  ["discriminated oneOf", s.Animal, [{ petType: "cat", meows: true }, { petType: "dog", barks: false }], [{ petType: "cat", barks: true }, { petType: "cow" }]],
  ["anyOf", s.AnyAnimal, [{ petType: "x", meows: true }, { petType: "y", barks: true }], [{ petType: "z" }]],
  ["allOf", s.NamedPet, [{ petType: "cat", meows: true, name: "Tom" }], [{ petType: "cat", name: "Tom" }, { petType: "cat", meows: true, name: 1 }]],
  ["recursive schema", s.TreeNode, [{ value: 1, children: [{ value: 2, children: [] }] }], [{ value: 1, children: [{ children: [] }] }]],
  ["mutually recursive schemas", s.Folder, [{ files: [{ name: "a", folder: { parent: null } }] }], [{ files: [{ folder: {} }] }]],
  ["prefixItems", s.Tuple, [["a", 1]], [[1, "a"]]],
  ["not", s.NotString, [1, null, {}], ["text"]],
  ["type array of string and integer", s.Mixed, ["a", 3], [1.5, true]],
  ["null type", s.Nothing, [null], [0]],
  ["min/maxProperties", s.Counts, [{ a: 1 }, { a: 1, b: 2, c: 3 }], [{}, { a: 1, b: 2, c: 3, d: 4 }, { a: "x" }]],
  ["inline response body", s.GetPetPhoto200Response, [{ url: "https://cdn.test/p.png" }], [{ width: 3 }, { url: "https://cdn.test/p.png", width: 0 }]],
  ["webhook payload", s.PetLostWebhookBody, [pet], [{ name: "Rex" }]],
  ["required name without a property", s.TokenRequest, [{ grant_type: "refresh" }, { grant_type: 1, token: "t" }], [{ token: "t" }, {}]],
  ["callback payload", s.CreatePetAdoptedCallbackBody, [{ petId: uuid, adoptedAt: "2026-01-01T00:00:00Z" }], [{ petId: "x", adoptedAt: "2026-01-01T00:00:00Z" }, { petId: uuid }]],
];

for (const [name, schema, accepted, rejected] of cases) {
  test(name, () => {
    for (const value of accepted) {
      const r = schema.safeParse(value);
      assert.ok(r.success, `should accept ${JSON.stringify(value)}: ${r.success ? "" : r.error.message}`);
    }
    for (const value of rejected) {
      assert.ok(!schema.safeParse(value).success, `should reject ${JSON.stringify(value)}`);
    }
  });
}

test("defaults fill in missing values", () => {
  const r = s.Pet.parse(pet);
  assert.equal(r.status, "available");
});

test("readOnly and writeOnly properties are optional either way", () => {
  assert.ok(s.Pet.safeParse({ ...pet, password: "x" }).success);
  assert.ok(s.Pet.safeParse({ ...pet, id: uuid }).success);
});

test("query parameters are coerced from strings", () => {
  const q = s.GetPetQuery.parse({ verbose: "true", limit: "7", tags: ["a", "b"], ids: "1,2,3" });
  assert.deepEqual(q, { verbose: true, limit: 7, tags: ["a", "b"], ids: [1, 2, 3] });
  assert.ok(!s.GetPetQuery.safeParse({ limit: "0" }).success);
  assert.ok(!s.GetPetQuery.safeParse({ ids: "1,2,3,4,5,6" }).success);
});
