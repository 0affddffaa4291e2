// Namer: turns names from a spec (schema names, operationIds, tags, parameter names) into
// identifiers of a target language, flatc-style: casing rules, the target's reserved
// words, and a table that hands out collision-free names in a stable order. Specs are
// full of names that are not identifiers ("repository-rule-ruleset-info", "$ref", "200")
// and of names that collide once cased (GitHub has `actions-secret` and `actions_secret`).
#ifndef SPECC_EMIT_NAMER_H_
#define SPECC_EMIT_NAMER_H_

#include <cstddef>
#include <set>
#include <string>
#include <string_view>

namespace specc::emit {

// Splits `name` into words at non-alphanumeric characters, lower-to-upper case changes and
// letter/digit boundaries that follow an acronym ("HTTPServer" -> HTTP, Server).
// Non-ASCII bytes are dropped.
std::string PascalCase(std::string_view name);  // "pet-store_id" -> "PetStoreId"
std::string CamelCase(std::string_view name);   // "Pet store" -> "petStore"
std::string KebabCase(std::string_view name);   // "PetStore" -> "pet-store"
std::string SnakeCase(std::string_view name);   // "PetStore" -> "pet_store"

// True when `name` is a TypeScript/JavaScript reserved word or a name a generated module
// must not shadow ("delete", "class", "z", "Object").
bool IsTsReserved(std::string_view name);
// True when `name` can be written unquoted as a TypeScript property key.
bool IsTsIdentifier(std::string_view name);
// `name` as a TypeScript property key: bare when it can be, else a quoted string.
std::string TsPropertyKey(std::string_view name);

// A scope of identifiers. Take() returns `preferred` when it is free, otherwise
// `preferred` with the smallest free numeric suffix ("Pet2"), and reserves the result.
// Names are handed out in call order, so the same calls in the same order (document
// order) always give the same names.
class NameTable {
 public:
  // REQUIRES: `preferred` is a valid identifier of the target.
  std::string Take(const std::string& preferred);
  // Reserves `name` without returning a variant (for names the template itself uses).
  void Reserve(const std::string& name) { used_.insert(name); }
  bool Has(const std::string& name) const { return used_.count(name) > 0; }

 private:
  std::set<std::string> used_;
};

// Returns a TypeScript identifier for a type or value named after `name`: PascalCase,
// a leading `_` before a digit, `_` after a reserved word, "Schema" for an empty name.
std::string TsTypeName(std::string_view name);
// The same for functions and variables, camelCase.
std::string TsValueName(std::string_view name);

// Returns a 32-bit FNV-1a hash of `text` as 8 lowercase hex digits: a stable short tag
// used to shorten names deterministically.
std::string ShortHash(std::string_view text);

}  // namespace specc::emit

#endif  // SPECC_EMIT_NAMER_H_
