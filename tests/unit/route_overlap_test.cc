#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "sema/route_overlap.h"
#include "sema/routes.h"

namespace specc::sema {
namespace {

using Answer = std::tuple<size_t, size_t, bool, bool, std::string>;

// ForEachOverlap compares each pair of distinct segments once and reuses the answer
// across templates: its answers must be CompareTemplates' on every pair.
TEST(RouteOverlapTest, ForEachOverlapAnswersAsEachPairComparedAlone) {
  std::vector<std::string> paths = {
      "/repos/{owner}/{repo}",     "/repos/{owner}/{name}",      "/repos/octo/{repo}",
      "/repos/{owner}/hooks",      "/users/{username}/repos",    "/{a}/{b}/{c}",
      "/repos/{owner}/v{version}", "/repos/{owner}/{x}.{y}",     "/repos/{owner}/{repo}.json",
      "/files/{path}",             "/files/{name}.{ext}",        "/files/a{x}b",
      "/files/ab",                 "/files/",                    "/",
      "/orgs/{org}/teams/{team}",  "/orgs/{org}/teams/{team_id}", "/orgs/x{org}/teams/{team}",
  };
  std::vector<MatchPattern> patterns;
  for (const std::string& p : paths) patterns.push_back(CompileTemplate(ParsePathTemplate(p)));
  std::vector<Answer> direct, batched;
  for (size_t a = 0; a < patterns.size(); ++a) {
    for (size_t b = a + 1; b < patterns.size(); ++b) {
      TemplateOverlap o = CompareTemplates(patterns[a], patterns[b]);
      if (o.overlaps) direct.emplace_back(a, b, o.a_in_b, o.b_in_a, o.example);
    }
  }
  ASSERT_TRUE(ForEachOverlap(patterns, [&](size_t a, size_t b, const TemplateOverlap& o) {
    batched.emplace_back(a, b, o.a_in_b, o.b_in_a, o.example);
  }));
  std::sort(direct.begin(), direct.end());
  std::vector<Answer> sorted = batched;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(sorted, direct);
  EXPECT_GT(direct.size(), 10u) << "the paths above overlap in many ways";
  // The segments answer as the spec reads them: {repo} and {name} cover each other.
  EXPECT_EQ(direct.front(), Answer(0, 1, true, true, "/repos/x/x"));
}

}  // namespace
}  // namespace specc::sema
