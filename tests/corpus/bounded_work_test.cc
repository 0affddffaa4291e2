// Bounded work: specc runs in pre-commit hooks and CI on specs from pull requests, so no
// input may make it take super-linear time or memory. Each case builds a hostile input of
// size n and 2n and checks the work counter of the algorithm it attacks: work(2n) may be
// at most kGrowth times work(n) plus a constant, and stays under an absolute ceiling. The
// counters count steps, not seconds, so these tests do not depend on the machine's load.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diag_sink.h"
#include "base/fs.h"
#include "base/source_map.h"
#include "dsl/checker.h"
#include "driver/front_end.h"
#include "drift/diff.h"
#include "driver/generate.h"
#include "dsl/parser.h"
#include "emit/emitter.h"
#include "emit/postman/example_value.h"
#include "emit/template_set.h"
#include "openapi/load.h"
#include "sema/schema_meaning.h"

namespace specc::testing_corpus {
namespace {

// Doubling the input may at most about double the work.
constexpr double kGrowth = 2.2;

// Expects `work(2n) <= kGrowth * work(n) + slack` and `work(2n) <= ceiling`.
void ExpectLinear(const std::function<uint64_t(int)>& work, int n, uint64_t slack, uint64_t ceiling) {
  uint64_t small = work(n);
  uint64_t large = work(2 * n);
  std::printf("work(%d) = %llu, work(%d) = %llu\n", n, static_cast<unsigned long long>(small), 2 * n,
              static_cast<unsigned long long>(large));
  EXPECT_GT(small, 0u) << "the counter counts nothing at n = " << n;
  EXPECT_LE(static_cast<double>(large), kGrowth * static_cast<double>(small) + static_cast<double>(slack))
      << "work(" << n << ") = " << small << ", work(" << 2 * n << ") = " << large;
  EXPECT_LE(large, ceiling) << "work(" << 2 * n << ") = " << large;
}

constexpr char kHead[] = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n";

// Loads spec/root.yaml from `fs`; returns the front end's work (every counter summed) and
// expects errors or none.
uint64_t LoadWorkOf(const MemFs& fs, bool errors = false) {
  SourceMap sources;
  DiagSink sink;
  openapi::LoadWork work;
  openapi::LoadApi("spec/root.yaml", fs, sources, sink, ".", &work);
  EXPECT_EQ(sink.has_errors(), errors);
  return work.ref_steps + work.name_probes;
}

// Item 10: `c_i: {$ref: c_{i-1}}`, a chain of refs to refs (10k components took over 120 s).
MemFs ChainOfRefs(int n) {
  std::string text = std::string(kHead) + "components:\n  schemas:\n    c0: {type: string}\n";
  for (int i = 1; i <= n; ++i) {
    text += "    c" + std::to_string(i) + ": {$ref: '#/components/schemas/c" + std::to_string(i - 1) + "'}\n";
  }
  MemFs fs;
  fs.Write("spec/root.yaml", text);
  return fs;
}

// Item 10 across files: component i names file i, which refers to file i-1.
MemFs ChainOfFiles(int n) {
  MemFs fs;
  std::string root = std::string(kHead) + "components:\n  schemas:\n";
  fs.Write("spec/f0.yaml", "type: string\n");
  for (int i = 0; i <= n; ++i) {
    root += "    c" + std::to_string(i) + ": {$ref: 'f" + std::to_string(i) + ".yaml'}\n";
    if (i > 0) fs.Write("spec/f" + std::to_string(i) + ".yaml", "$ref: 'f" + std::to_string(i - 1) + ".yaml'\n");
  }
  fs.Write("spec/root.yaml", root);
  return fs;
}

// Item 10, names: n files all called s.yaml, each a schema pointing at the next, are named
// s, s2, s3, ... (5k files took 41 s).
MemFs FilesOfOneName(int n) {
  MemFs fs;
  fs.Write("spec/root.yaml", std::string(kHead) + "components:\n  schemas:\n    top: {$ref: 'd0/s.yaml'}\n");
  for (int i = 0; i < n; ++i) {
    std::string next = i + 1 < n ? "{$ref: '../d" + std::to_string(i + 1) + "/s.yaml'}" : "{type: string}";
    fs.Write("spec/d" + std::to_string(i) + "/s.yaml", "type: object\nproperties:\n  next: " + next + "\n");
  }
  return fs;
}

// Item 10, suggestions: n references to misspelt names among n components; each "did you
// mean" compares a name with every component.
MemFs MisspeltRefs(int n) {
  std::string text = std::string(kHead) + "components:\n  schemas:\n";
  for (int i = 0; i < n; ++i) {
    text += "    name" + std::to_string(i) + ": {type: array, items: {$ref: '#/components/schemas/nmae" +
            std::to_string(i) + "'}}\n";
  }
  MemFs fs;
  fs.Write("spec/root.yaml", text);
  return fs;
}

TEST(BoundedWork, ChainOfRefsToRefs) {
  ExpectLinear([](int n) { return LoadWorkOf(ChainOfRefs(n)); }, 10000, 100, 200000);
}

TEST(BoundedWork, ChainOfRefsAcrossFiles) {
  ExpectLinear([](int n) { return LoadWorkOf(ChainOfFiles(n)); }, 5000, 100, 200000);
}

TEST(BoundedWork, SchemasInFilesOfOneName) {
  ExpectLinear([](int n) { return LoadWorkOf(FilesOfOneName(n)); }, 5000, 100, 200000);
}

TEST(BoundedWork, MisspeltRefsAmongManyComponents) {
  ExpectLinear([](int n) { return LoadWorkOf(MisspeltRefs(n), /*errors=*/true); }, 4000, 100, 4000000);
}

// ---- Item 9: the Postman emitter's example values ----

// The head of a description whose component `top` is the body of a request and of a
// response; `schemas` holds the component schemas (YAML lines indented by four).
std::string WithTop(const std::string& schemas) {
  return "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n" + schemas;
}

// Builds the request and the response value of component `top` in `spec`; returns the
// example builder's steps. `candidate` is an example offered for the value ("" for none).
uint64_t ExampleWorkOf(const std::string& spec, const std::string& candidate = {}) {
  MemFs fs;
  fs.Write("spec/root.yaml", spec);
  SourceMap sources;
  DiagSink sink;
  std::optional<ir::Api> api = openapi::LoadApi("spec/root.yaml", fs, sources, sink, ".");
  EXPECT_TRUE(api.has_value() && !sink.has_errors());
  if (!api) return 0;
  ir::SchemaId top = ir::kNoSchema;
  for (ir::SchemaId id : api->component_schemas) {
    if (api->schemas[id].name == "top") top = id;
  }
  EXPECT_NE(top, ir::kNoSchema);
  sema::SchemaMeanings meanings(*api);
  emit::ExampleBuilder examples(meanings);
  std::vector<std::string_view> candidates;
  if (!candidate.empty()) candidates.push_back(candidate);
  for (emit::ExampleUse use : {emit::ExampleUse::kRequest, emit::ExampleUse::kResponse, emit::ExampleUse::kParameter}) {
    const std::string& value = examples.Value(top, candidates, use, 2);
    EXPECT_FALSE(value.empty());
    EXPECT_LT(value.size(), 4u << 20) << "a value of " << value.size() << " bytes";
  }
  return examples.steps();
}

std::string Ref(const std::string& name) { return "{$ref: '#/components/schemas/" + name + "'}"; }

// `b_i: {oneOf: [b_{i-1}, b_{i-1}]}`: a DAG whose paths double at every level (n = 14 took
// 33 s, n = 16 over 100 s).
std::string OneOfDag(int n) {
  std::string schemas = "    top: " + Ref("b" + std::to_string(n)) + "\n    b0: {type: string}\n";
  for (int i = 1; i <= n; ++i) {
    std::string prev = Ref("b" + std::to_string(i - 1));
    schemas += "    b" + std::to_string(i) + ": {oneOf: [" + prev + ", " + prev + "]}\n";
  }
  return WithTop(schemas);
}

// `t_i: {required: [a, b], properties: {a: t_{i-1}, b: t_{i-1}}}`: a value that doubles
// with every level.
std::string RequiredTree(int n) {
  std::string schemas = "    top: " + Ref("t" + std::to_string(n)) + "\n    t0: {type: string}\n";
  for (int i = 1; i <= n; ++i) {
    std::string prev = Ref("t" + std::to_string(i - 1));
    schemas += "    t" + std::to_string(i) + ": {type: object, required: [a, b], properties: {a: " + prev +
               ", b: " + prev + "}}\n";
  }
  return WithTop(schemas);
}

// n schemas, each a oneOf of all the others: every order of them is a path.
std::string OneOfClique(int n) {
  std::string schemas = "    top: " + Ref("k0") + "\n";
  for (int i = 0; i < n; ++i) {
    std::string branches;
    for (int j = 0; j < n; ++j) {
      if (j != i) branches += Ref("k" + std::to_string(j)) + ", ";
    }
    schemas += "    k" + std::to_string(i) + ": {oneOf: [" + branches + "{type: integer, minimum: " + std::to_string(i) +
               "}]}\n";
  }
  return WithTop(schemas);
}

// `o_i: {oneOf: [o_{i-1}]}` n deep: recursion that branches do not count as depth.
std::string OneOfChain(int n) {
  std::string schemas = "    top: " + Ref("o" + std::to_string(n)) + "\n    o0: {type: integer}\n";
  for (int i = 1; i <= n; ++i) schemas += "    o" + std::to_string(i) + ": {oneOf: [" + Ref("o" + std::to_string(i - 1)) + "]}\n";
  return WithTop(schemas);
}

// One object with n required properties, each with a pattern (ordered_json finds a member
// by scanning, so filling it was quadratic).
std::string WideObject(int n) {
  std::string required, properties;
  for (int i = 0; i < n; ++i) {
    required += (i ? ", p" : "p") + std::to_string(i);
    properties += (i ? ", p" : "p") + std::to_string(i) + ": {type: string, pattern: '^[a-z]+$'}";
  }
  return WithTop("    top: {type: object, required: [" + required + "], properties: {" + properties + "}}\n");
}

// Values are built once per schema, so the work grows with the number of schemas (the
// first values, built before reuse starts, add a constant).
TEST(BoundedWork, ExampleOfOneOfDag) {
  ExpectLinear([](int n) { return ExampleWorkOf(OneOfDag(n)); }, 60, 50000, 1000000);
}

// The value is capped (20,000 nodes), so past a few levels the work stops growing.
TEST(BoundedWork, ExampleOfRequiredTree) {
  ExpectLinear([](int n) { return ExampleWorkOf(RequiredTree(n)); }, 15, 1000, 20000000);
}

// A cycle of schemas is not reused; the budget stops it (4,000,000 steps per value and
// per API, plus 500 per schema).
TEST(BoundedWork, ExampleOfOneOfClique) {
  ExpectLinear([](int n) { return ExampleWorkOf(OneOfClique(n)); }, 10, 1000, 20000000);
}

TEST(BoundedWork, ExampleOfOneOfChain) {
  ExpectLinear([](int n) { return ExampleWorkOf(OneOfChain(n)); }, 5000, 1000, 20000000);
}

TEST(BoundedWork, ExampleOfWideObject) {
  ExpectLinear([](int n) { return ExampleWorkOf(WideObject(n)); }, 10000, 1000, 20000000);
}

// Hostile patterns: nesting that overflowed the stack of std::regex's compiler and of the
// value generator (30,000 groups), and a pattern that backtracks exponentially.
TEST(BoundedWork, ExampleOfHostilePatterns) {
  ExpectLinear(
      [](int n) {
        std::string nested = std::string(static_cast<size_t>(n), '(') + "a" + std::string(static_cast<size_t>(n), ')');
        return ExampleWorkOf(WithTop("    top: {type: string, pattern: '" + nested + "'}\n"));
      },
      15000, 1000, 1000000);
  // `^(a|a)*$` against "aaa...ab": 2^n paths for a backtracking matcher.
  ExpectLinear(
      [](int n) {
        return ExampleWorkOf(WithTop("    top: {type: string, pattern: '^(a|a)*$'}\n"),
                             "\"" + std::string(static_cast<size_t>(n), 'a') + "b\"");
      },
      500, 1000, 20000000);
}

// A long example string with a format: std::regex's backtracking recursed once per
// character (300 KB overflowed the stack).
TEST(BoundedWork, ExampleWithLongFormattedString) {
  ExpectLinear(
      [](int n) {
        return ExampleWorkOf(WithTop("    top: {type: string, format: email}\n"),
                             "\"" + std::string(static_cast<size_t>(n), 'a') + "\"");
      },
      300000, 1000, 20000000);
}

// ---- Item 11: the project spec's error recovery ----

// Parses and checks `text` as a project spec; returns the parser's and the checker's work.
uint64_t DslWorkOf(const std::string& text) {
  DiagSink sink;
  dsl::ParseWork parse;
  std::optional<dsl::ast::File> file = dsl::ParseProjectText(0, text, sink, &parse);
  dsl::CheckWork check;
  if (file) dsl::CheckProject(*file, MemFs(), "specs", sink, &check);
  EXPECT_TRUE(sink.has_errors());
  return parse.steps + check.steps;
}

const char kProjectHead[] =
    "project \"p\" {\n  id = \"3f1c2a9e-5b7d-4c1e-9a2f-8d6e4b3c2a10\"\n  version = \"1.0.0\"\n"
    "  constitution = \"1.0.0\"\n";

// `env A {` n times (100,000 took 19.6 s): recovery stops after 100 errors, so the work
// left is reading the tokens.
TEST(BoundedWork, DslRecovery) {
  ExpectLinear(
      [](int n) {
        std::string text = kProjectHead;
        for (int i = 0; i < n; ++i) text += "env A {";
        return DslWorkOf(text);
      },
      50000, 1000, 2000000);
}

// n bad escapes: lexical errors stop at 100 as well.
TEST(BoundedWork, DslLexicalErrors) {
  ExpectLinear(
      [](int n) {
        std::string text = kProjectHead;
        for (int i = 0; i < n; ++i) text += "  env A { default = \"\\q\" }\n";
        return DslWorkOf(text + "}\n");
      },
      20000, 1000, 10000000);
}

// n undeclared references among n resources: "did you mean" compared each with every
// resource (40,000 took 158 s).
TEST(BoundedWork, DslUndeclaredReferences) {
  ExpectLinear(
      [](int n) {
        std::string text = kProjectHead;
        for (int i = 0; i < n; ++i) {
          std::string k = std::to_string(i);
          text += "  resource r" + k + " : upstash.redis { region = \"us-east-1\" }\n";
          text += "  env F" + k + " { source = provisioned(zz" + k + "x.url) }\n";
        }
        return DslWorkOf(text + "}\n");
      },
      5000, 1000, 10000000);
}

// ---- Item 12: the drift diff ----

// A generated file of `n` lines rewritten throughout: dtl took about n^2 steps (a
// 384,000-line file, 40 s). The work of the summary and the unified diff together stays
// within the bound drift/diff.h states, twice (tests/drift/diff_test.cc has the rest).
TEST(BoundedWork, DriftDiffOfARewrittenFile) {
  ExpectLinear(
      [](int n) {
        std::string before, after;
        for (int i = 0; i < n; ++i) {
          before += "  \"a" + std::to_string(i) + "\": 1,\n";
          after += "  \"b" + std::to_string(i) + "\": 2,\n";
        }
        drift::DiffWork work;
        drift::LineCounts counts = drift::CountChangedLines(before, after, &work);
        EXPECT_TRUE(counts.rewritten);
        drift::UnifiedDiff("f", before, after, &work);
        return work.steps;
      },
      50'000, 20'000'000, 2 * (4'000'000 + 160 * 200'000));
}

// ---- Item 13: emitting many operations ----

// `n` operations, each on a path of its own with a path parameter, answering with a
// shared schema; fifty tags.
std::string ManyOperations(int n) {
  std::string spec = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n";
  for (int i = 0; i < n; ++i) {
    std::string id = std::to_string(i);
    spec += "  /r" + id + "/{id}:\n    get:\n      operationId: op" + id + "\n      tags: [t" +
            std::to_string(i % 50) + "]\n      parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n" +
            "      responses: {'200': {description: ok, content: {application/json: {schema: " + Ref("S") + "}}}}\n";
  }
  return spec + "components:\n  schemas:\n    S: {type: object, properties: {a: {type: string}}, required: [a]}\n";
}

struct EmitCost {
  uint64_t work = 0;   // the emitters' own count (EmitOptions::work)
  uint64_t bytes = 0;  // the size of everything generated
};

// Runs every emitter on ManyOperations(n).
EmitCost EmitManyOperations(int n) {
  MemFs fs;
  fs.Write("specs/api.yaml", ManyOperations(n));
  SourceMap sources;
  DiagSink sink;
  driver::LoadedSpecs specs = driver::LoadSpecs({"specs/api.yaml"}, ".", fs, sources, sink);
  emit::TemplateSet templates = emit::TemplateSet::BuiltIn(sources);
  EmitCost cost;
  emit::EmitOptions options;
  options.work = &cost.work;
  OutputSet out = driver::Generate(specs, {}, templates, sink, options);
  EXPECT_FALSE(sink.has_errors());
  for (const auto& [path, text] : out.files()) cost.bytes += text.size();
  return cost;
}

// 100,000 operations took 101 s and 2.5 GB: the OpenAPI bundle grouped operations by path,
// and found each operation's callbacks, by scanning every operation. The expected cost is
// linear: about 9.5 KB of output per operation here (the four Postman collections hold 8 of
// them) and a few steps per operation in the bundle.
TEST(BoundedWork, EmitOfManyOperations) {
  ExpectLinear([](int n) { return EmitManyOperations(n).work; }, 2000, 100, 100000);
  EmitCost cost = EmitManyOperations(1000);
  EXPECT_LE(cost.bytes, 1000u * 12 * 1024) << "bytes per operation grew: " << cost.bytes / 1000;
  EXPECT_GE(cost.bytes, 1000u * 4 * 1024) << "the emitters wrote less than expected: " << cost.bytes;
  EXPECT_LE(EmitManyOperations(2000).bytes, 2 * cost.bytes + 64 * 1024);
}

}  // namespace
}  // namespace specc::testing_corpus
