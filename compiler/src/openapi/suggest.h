// "Did you mean" suggestions for misspelt names in diagnostics.
#ifndef SPECC_OPENAPI_SUGGEST_H_
#define SPECC_OPENAPI_SUGGEST_H_

#include <string_view>
#include <vector>

namespace specc::openapi {

// Returns the candidate closest to `word` by edit distance when it is close enough to be
// a likely typo (at most a third of the word's length); otherwise an empty view.
std::string_view ClosestMatch(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace specc::openapi

#endif  // SPECC_OPENAPI_SUGGEST_H_
