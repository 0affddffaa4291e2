#include "ir/api.h"

#include "base/check.h"

namespace specc::ir {
namespace {

constexpr std::string_view kJsonTypeNames[] = {"object", "array", "string", "integer", "number", "boolean", "null"};

}  // namespace

std::optional<JsonType> JsonTypeNamed(std::string_view name) {
  for (size_t i = 0; i < std::size(kJsonTypeNames); ++i) {
    if (kJsonTypeNames[i] == name) return static_cast<JsonType>(i);
  }
  return std::nullopt;
}

std::string_view JsonTypeName(JsonType type) { return kJsonTypeNames[static_cast<size_t>(type)]; }

TypeList::TypeList(std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) push_back(name);
}

bool TypeList::contains(JsonType type) const {
  for (size_t i = 0; i < size(); ++i) {
    if (at(i) == type) return true;
  }
  return false;
}

bool TypeList::contains(std::string_view name) const {
  std::optional<JsonType> type = JsonTypeNamed(name);
  return type && contains(*type);
}

void TypeList::push_back(JsonType type) {
  if (contains(type)) return;
  // Seven names without repeats fit: 4 + 7 * 3 bits.
  size_t n = size();
  packed_ = (packed_ & ~uint32_t{0xf}) | static_cast<uint32_t>(n + 1);
  packed_ |= static_cast<uint32_t>(type) << (4 + 3 * n);
}

void TypeList::push_back(std::string_view name) {
  std::optional<JsonType> type = JsonTypeNamed(name);
  SPECC_CHECK(type.has_value()) << "not a JSON type: " << name;
  push_back(*type);
}

// Constant-initialized, so reading it needs no guard for a function-local static.
constinit const SchemaExtras Schema::kNoExtras{};

SchemaExtras& Schema::mutable_extras() { return extras_.GetOrCreate(); }

const char* ParamInName(ParamIn in) {
  switch (in) {
    case ParamIn::kPath:
      return "path";
    case ParamIn::kQuery:
      return "query";
    case ParamIn::kHeader:
      return "header";
    case ParamIn::kCookie:
      return "cookie";
  }
  return "query";
}

}  // namespace specc::ir
