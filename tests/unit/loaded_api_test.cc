// driver::MeaningsOf: the schema meanings LoadApiChecked computed for its checks (and kept,
// for a run that renders) are the ones the emitters get, while they still refer to the
// loaded API; an API moved since, or loaded without them, gets meanings of its own.
#include <gtest/gtest.h>

#include <utility>

#include "base/diag_sink.h"
#include "base/fs.h"
#include "base/source_map.h"
#include "driver/front_end.h"

namespace specc {
namespace {

driver::LoadedApi Loaded(SourceMap& sources, driver::Meanings keep = driver::Meanings::kKeep) {
  MemFs fs;
  fs.Write("repo/specs/api.yaml",
           "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n"
           "components:\n  schemas:\n    Pet: {type: object, properties: {name: {type: string}}}\n");
  DiagSink sink;
  driver::LoadedApi loaded{"specs/api.yaml", "", std::nullopt, nullptr};
  driver::LoadApiChecked(loaded, "repo", fs, sources, sink, keep);
  EXPECT_FALSE(sink.has_errors());
  return loaded;
}

TEST(MeaningsOf, GivesTheMeaningsTheChecksComputed) {
  SourceMap sources;
  driver::LoadedApi loaded = Loaded(sources);
  ASSERT_TRUE(loaded.api.has_value());
  ASSERT_NE(loaded.meanings, nullptr);
  EXPECT_EQ(driver::MeaningsOf(loaded), loaded.meanings);
  EXPECT_EQ(&driver::MeaningsOf(loaded)->api(), &*loaded.api);
}

TEST(MeaningsOf, ComputesThemAgainForAnApiThatMoved) {
  SourceMap sources;
  driver::LoadedApi loaded = Loaded(sources);
  driver::LoadedApi moved = std::move(loaded);
  // The kept meanings refer to the ir::Api the move left behind.
  std::shared_ptr<const sema::SchemaMeanings> meanings = driver::MeaningsOf(moved);
  EXPECT_NE(meanings, moved.meanings);
  EXPECT_EQ(&meanings->api(), &*moved.api);
  EXPECT_EQ(meanings->api().schemas.size(), moved.api->schemas.size());
}

TEST(MeaningsOf, ComputesThemForALoadThatDroppedThem) {
  SourceMap sources;
  driver::LoadedApi loaded = Loaded(sources, driver::Meanings::kDrop);
  EXPECT_EQ(loaded.meanings, nullptr);
  std::shared_ptr<const sema::SchemaMeanings> meanings = driver::MeaningsOf(loaded);
  ASSERT_NE(meanings, nullptr);
  EXPECT_EQ(&meanings->api(), &*loaded.api);
}

}  // namespace
}  // namespace specc
