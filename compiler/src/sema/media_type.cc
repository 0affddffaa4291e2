#include "sema/media_type.h"

#include "base/ascii.h"

namespace specc::sema {

std::string MediaEssence(std::string_view media_type) {
  std::string_view essence = media_type.substr(0, media_type.find(';'));
  while (!essence.empty() && essence.back() == ' ') essence.remove_suffix(1);
  while (!essence.empty() && essence.front() == ' ') essence.remove_prefix(1);
  return AsciiLower(essence);
}

bool IsJsonMediaType(std::string_view media_type) {
  std::string m = MediaEssence(media_type);
  return m == "application/json" || (m.size() > 5 && m.compare(m.size() - 5, 5, "+json") == 0);
}

bool IsFormMedia(std::string_view media_type) {
  std::string m = MediaEssence(media_type);
  return m == "application/x-www-form-urlencoded" || m == "multipart/form-data";
}

bool IsMultipartMedia(std::string_view media_type) { return MediaEssence(media_type) == "multipart/form-data"; }

bool IsMediaRange(std::string_view media_type) {
  std::string m = MediaEssence(media_type);
  return m.size() >= 2 && m.compare(m.size() - 2, 2, "/*") == 0;
}

bool IsTextMediaType(std::string_view media_type) {
  std::string m = MediaEssence(media_type);
  return m.rfind("text/", 0) == 0 && !IsMediaRange(m);
}

}  // namespace specc::sema
