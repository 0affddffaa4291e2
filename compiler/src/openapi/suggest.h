// "Did you mean" suggestions for misspelt names in diagnostics.
#ifndef SPECC_OPENAPI_SUGGEST_H_
#define SPECC_OPENAPI_SUGGEST_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace specc::openapi {

// Returns the candidate closest to `word` by edit distance when it is close enough to be
// a likely typo (at most a third of the word's length); otherwise an empty view.
std::string_view ClosestMatch(std::string_view word, const std::vector<std::string_view>& candidates);

// How many candidates one pass (a workspace, a lowering) may compare in all while looking
// for suggestions; past it, diagnostics go without "did you mean". Real descriptions need a
// few thousand; thousands of misspelt names among thousands of candidates would otherwise
// cost their product.
inline constexpr uint64_t kSuggestionBudget = 2'000'000;

}  // namespace specc::openapi

#endif  // SPECC_OPENAPI_SUGGEST_H_
