// Bounded work: specc runs in pre-commit hooks and CI on specs from pull requests, so no
// input may make it take super-linear time or memory. Each case builds a hostile input of
// size n and 2n and checks the work counter of the algorithm it attacks: work(2n) may be
// at most kGrowth times work(n) plus a constant, and stays under an absolute ceiling. The
// counters count steps, not seconds, so these tests do not depend on the machine's load.
#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <string>

#include "base/diag_sink.h"
#include "base/fs.h"
#include "base/source_map.h"
#include "openapi/load.h"

namespace specc::testing_corpus {
namespace {

// Doubling the input may at most about double the work.
constexpr double kGrowth = 2.2;

// Expects `work(2n) <= kGrowth * work(n) + slack` and `work(2n) <= ceiling`.
void ExpectLinear(const std::function<uint64_t(int)>& work, int n, uint64_t slack, uint64_t ceiling) {
  uint64_t small = work(n);
  uint64_t large = work(2 * n);
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

}  // namespace
}  // namespace specc::testing_corpus
