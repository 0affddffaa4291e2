// driver::FindSpecInputs without a project spec: which files of specs/ are OpenAPI roots.
// A large root is told by its head, not read twice (once to sniff, once to load); a
// root whose version comes late, or a large fragment, is still told right.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "base/fs.h"
#include "driver/front_end.h"

namespace specc {
namespace {

// A MemFs that counts whole reads and prefix reads per path.
class CountingFs final : public Fs {
 public:
  explicit CountingFs(const MemFs& inner) : inner_(inner) {}
  Result<std::string> Read(const std::string& path) const override {
    ++reads[path];
    return inner_.Read(path);
  }
  Result<std::string> ReadPrefix(const std::string& path, size_t limit) const override {
    ++prefix_reads[path];
    return inner_.ReadPrefix(path, limit);
  }
  Result<std::string> Canonical(const std::string& path) const override { return inner_.Canonical(path); }
  Result<std::vector<std::string>> ListFiles(const std::string& dir) const override { return inner_.ListFiles(dir); }

  mutable std::map<std::string, int> reads, prefix_reads;

 private:
  const MemFs& inner_;
};

// `bytes` bytes of YAML that hold no `openapi` key.
std::string Filler(size_t bytes) {
  std::string out = "components:\n  schemas:\n";
  while (out.size() < bytes) out += "    S" + std::to_string(out.size()) + ": {type: string}\n";
  return out;
}

TEST(FindSpecInputs, TellsRootsByTheirHeadAndReadsLargeOnesOnce) {
  MemFs mem;
  mem.Write("repo/specs/big.json", "{\n  \"openapi\": \"3.0.3\",\n  \"x\": \"" + std::string(200000, 'a') + "\"\n}\n");
  mem.Write("repo/specs/late.yaml", Filler(100000) + "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n");
  mem.Write("repo/specs/fragment.yaml", Filler(100000));
  mem.Write("repo/specs/small.yaml", "openapi: 3.1.0\n");
  mem.Write("repo/specs/small-fragment.yaml", "type: string\n");
  CountingFs fs(mem);
  Result<std::vector<std::string>> roots = driver::FindSpecInputs("specs", "repo", fs);
  ASSERT_TRUE(roots.ok()) << roots.error().message;
  EXPECT_EQ(roots.value(), (std::vector<std::string>{"specs/big.json", "specs/late.yaml", "specs/small.yaml"}));
  // The large root's head told: the load is its one whole read.
  EXPECT_EQ(fs.reads["repo/specs/big.json"], 0);
  EXPECT_EQ(fs.prefix_reads["repo/specs/big.json"], 1);
  // A head that does not tell sends the whole file to the test.
  EXPECT_EQ(fs.reads["repo/specs/late.yaml"], 1);
  EXPECT_EQ(fs.reads["repo/specs/fragment.yaml"], 1);
  // A small file's head is all of it.
  EXPECT_EQ(fs.reads["repo/specs/small-fragment.yaml"], 0);
}

}  // namespace
}  // namespace specc
