#include "sema/response_body.h"

#include "sema/media_type.h"

namespace specc::sema {

std::optional<size_t> JsonResponseMedia(const ir::Response& response) {
  std::optional<size_t> any_type;
  for (size_t i = 0; i < response.content.size(); ++i) {
    const std::string& media = response.content[i].media_type;
    if (IsJsonMediaType(media)) return i;
    if (!any_type && MediaEssence(media) == "*/*") any_type = i;
  }
  return any_type;
}

}  // namespace specc::sema
