#include "emit/namer.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "emit/render.h"

namespace specc::emit {
namespace {

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsLower(c) || IsUpper(c) || IsDigit(c); }
char Lower(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
char Upper(char c) { return IsLower(c) ? static_cast<char>(c - 'a' + 'A') : c; }

std::vector<std::string> Words(std::string_view name) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (!IsAlnum(c)) {
      flush();
      continue;
    }
    if (!word.empty()) {
      char prev = word.back();
      bool next_lower = i + 1 < name.size() && IsLower(name[i + 1]);
      // camelCase boundary, and the end of an acronym ("HTTPServer": P|Server).
      if ((IsLower(prev) && IsUpper(c)) || (IsUpper(prev) && IsUpper(c) && next_lower) ||
          (IsDigit(prev) && !IsDigit(c) && IsUpper(c))) {
        flush();
      }
    }
    word.push_back(c);
  }
  flush();
  return words;
}

std::string Capitalized(const std::string& word) {
  std::string out;
  for (size_t i = 0; i < word.size(); ++i) out.push_back(i == 0 ? Upper(word[i]) : Lower(word[i]));
  return out;
}

std::string Joined(std::string_view name, char separator) {
  std::string out;
  for (const std::string& w : Words(name)) {
    if (!out.empty()) out.push_back(separator);
    for (char c : w) out.push_back(Lower(c));
  }
  return out;
}

// Reserved words of ECMAScript and TypeScript, strict-mode words, and globals a generated
// module uses or must not shadow. Sorted for binary search.
constexpr std::string_view kReserved[] = {
    "Array", "Boolean", "Date", "Error", "Function", "JSON", "Map", "Math", "Number",
    "Object", "Promise", "Record", "RegExp", "Set", "String", "Symbol", "any", "arguments",
    "as", "async", "await", "bigint", "boolean", "break", "case", "catch", "class", "const",
    "constructor", "continue", "debugger", "declare", "default", "delete", "do", "else",
    "enum", "eval", "export", "extends", "false", "finally", "for", "from", "function", "get",
    "if", "implements", "import", "in", "infer", "instanceof", "interface", "is", "keyof",
    "let", "module", "namespace", "never", "new", "null", "number", "object", "of", "package",
    "private", "protected", "public", "readonly", "require", "return", "satisfies", "set",
    "static", "string", "super", "switch", "symbol", "this", "throw", "true", "try", "type",
    "typeof", "undefined", "unique", "unknown", "var", "void", "while", "with", "yield", "z",
};

}  // namespace

std::string PascalCase(std::string_view name) {
  std::string out;
  for (const std::string& w : Words(name)) out += Capitalized(w);
  return out;
}

std::string CamelCase(std::string_view name) {
  std::string out = PascalCase(name);
  // Lower the whole leading acronym: "HTTPServer" -> "httpServer" would need word info;
  // lowering the first letter is enough for valid, readable names.
  if (!out.empty()) out[0] = Lower(out[0]);
  return out;
}

std::string KebabCase(std::string_view name) { return Joined(name, '-'); }
std::string SnakeCase(std::string_view name) { return Joined(name, '_'); }

bool IsTsReserved(std::string_view name) {
  static_assert(std::size(kReserved) > 0);
  return std::binary_search(std::begin(kReserved), std::end(kReserved), name);
}

bool IsTsIdentifier(std::string_view name) {
  if (name.empty() || IsDigit(name[0])) return false;
  for (char c : name) {
    if (!IsAlnum(c) && c != '_' && c != '$') return false;
  }
  return true;
}

std::string TsPropertyKey(std::string_view name) { return IsTsIdentifier(name) ? std::string(name) : JsonQuote(name); }

std::string NameTable::Take(const std::string& preferred) {
  std::string name = preferred;
  for (int n = 2; used_.count(name) > 0; ++n) name = preferred + std::to_string(n);
  used_.insert(name);
  return name;
}

namespace {

std::string Fix(std::string name) {
  if (name.empty()) return "Schema";
  if (IsDigit(name[0])) name.insert(name.begin(), '_');
  if (IsTsReserved(name)) name.push_back('_');
  return name;
}

}  // namespace

std::string TsTypeName(std::string_view name) { return Fix(PascalCase(name)); }

std::string TsValueName(std::string_view name) {
  std::string out = CamelCase(name);
  return out.empty() ? "value" : Fix(out);
}

std::string ShortHash(std::string_view text) {
  uint32_t hash = 2166136261u;
  for (char c : text) {
    hash ^= static_cast<uint8_t>(c);
    hash *= 16777619u;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(8, '0');
  for (int i = 7; i >= 0; --i) {
    out[static_cast<size_t>(i)] = kHex[hash & 0xf];
    hash >>= 4;
  }
  return out;
}

}  // namespace specc::emit
