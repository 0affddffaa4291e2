// The request items of a Postman collection, rendered through the overridable request
// template once per kind of collection and written into each collection of that kind.
#ifndef SPECC_EMIT_POSTMAN_REQUEST_VARIANT_H_
#define SPECC_EMIT_POSTMAN_REQUEST_VARIANT_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "emit/postman/request_builder.h"
#include "emit/postman/uuid5.h"
#include "emit/render.h"
#include "emit/template_set.h"
#include "ir/api.h"

namespace specc::emit::postman {

inline constexpr std::string_view kEmitterId = "postman";

// A request item's view without its ids and test script, and the script's lines, quoted.
struct RequestItem {
  View view;
  std::vector<std::string> exec;
};

// A request item without its ids, moved out of `p`, with `responses_json` (its saved
// responses: "[]" in a run collection): the parts every collection of a kind shares,
// quoted once rather than once per collection. Its test script's lines
// become views only while the item renders: a view per line of every request, held for the
// whole run, was a tenth of a large run's memory.
RequestItem RequestView(RequestBuilder::Parts&& p, std::string responses_json);

// A request item's ids in its view: their values, or holes that RequestVariant fills.
enum class Ids : uint8_t { kValues, kHoles };

// One kind of request item: the base collection's (with saved responses) or the run
// collections' (chained URLs, run scripts, no saved responses). The collections of a kind
// differ in their request ids only. So each request's template is rendered and formatted
// once per depth it stands at, with holes for its ids and for its JSON parts (the `_json`
// values: the body, the saved responses, ...), and written into each collection with that
// collection's ids and its parts formatted straight into the collection's text: the
// megabytes of examples are neither copied through the template nor held formatted.
class RequestVariant {
 public:
  // `collections`: how many collections of this kind will be rendered.
  RequestVariant(const ir::Api& api, std::map<size_t, RequestItem> items, size_t collections)
      : api_(api), views_(std::move(items)), collections_(collections) {}

  // The view of request `i` (an index into api.operations) in the collection of `seed`.
  View ItemView(size_t i, const std::string& seed, Ids ids) const;

  // Appends request `token` (its index) as it stands at `depth` of the collection of
  // `seed`; false when its template defeats rendering with holes.
  bool Splice(const TemplateSet& templates, std::string_view token, int depth, const std::string& seed,
              std::string& out);

  // About the size of a collection of this kind, for reserving it: a little over the last
  // one's (they differ in their ids, names and base URLs only), else twice the requests'
  // text for the indentation formatting adds.
  size_t SizeHint() const;
  void RecordSize(size_t size) { last_size_ = size; }

  // Frees the views once no collection of this kind is left to render.
  void Release() {
    views_.clear();
    shapes_.clear();
    skeletons_.clear();
    filled_.clear();
  }

 private:
  // The name request `i`'s ids are derived from in the collection of `seed`, and the same
  // fed to a hasher with the namespace: the seed's part hashed once per collection.
  std::string RequestKey(size_t i, const std::string& seed) const;
  Sha1Hasher KeyHasher(size_t i, const std::string& seed);

  const ir::Api& api_;
  std::map<size_t, RequestItem> views_;
  std::map<size_t, std::string> shapes_;         // by request: what its skeleton depends on
  std::map<std::string, std::string> skeletons_;  // by depth and shape
  size_t collections_;
  // By request and depth: its text but for its ids, when more than one collection takes it.
  std::map<std::pair<size_t, int>, std::string> filled_;
  size_t last_size_ = 0;
  std::string hashed_seed_;  // the seed seed_hasher_ was fed, after the namespace
  Sha1Hasher seed_hasher_;
};

}  // namespace specc::emit::postman

#endif  // SPECC_EMIT_POSTMAN_REQUEST_VARIANT_H_
