#include "spec/secret_context.h"

#include <algorithm>
#include <optional>

#include "base/ascii.h"
#include "base/diag_sink.h"
#include "base/secret_scan.h"
#include "spec/parse.h"

namespace specc::spec {
namespace {

bool Mentions(std::string_view text, std::initializer_list<std::string_view> words) {
  std::string lower = AsciiLower(text.substr(0, 4096));
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return lower.find(w) != std::string::npos; });
}

// A field name that says credential: `token`, `access_token`, `apiKey`, `X-Api-Key`,
// `password`, `Authorization`, `client_secret`, `private_key`, `jwt`.
bool IsCredentialName(std::string_view name) {
  return IsSecretName(name) || Mentions(name, {"key", "authorization", "bearer", "jwt", "pat", "passphrase"});
}

// A schema, parameter or header documented as a credential: by its name, by its
// description, or by `format: password`.
bool DocumentsCredential(const Node& node) {
  // Only a schema, a parameter or a header: an operation described as "creates a token"
  // says nothing about the fields of its examples.
  if (!node.is_map() || (node.Find("type") == nullptr && node.Find("schema") == nullptr && node.Find("in") == nullptr)) {
    return false;
  }
  const Node* name = node.Find("name");
  if (name != nullptr && name->is_string() && IsCredentialName(name->text())) return true;
  const Node* format = node.Find("format");
  if (format != nullptr && format->text() == "password") return true;
  const Node* description = node.Find("description");
  return description != nullptr && description->is_string() &&
         Mentions(description->text(), {"token", "secret", "api key", "apikey", "password", "credential", "private key"});
}

// Examples, and the code samples documentation tools render (Redoc's `x-codeSamples`).
bool IsExampleKey(std::string_view key) {
  return key == "example" || key == "examples" || key == "x-example" || key == "x-examples" ||
         key == "x-code-samples" || key == "x-codeSamples";
}

// Walks from `root` down to the scalar holding `offset` (containers keep their children in
// document order) and returns its place; nullopt when no scalar holding `value` is there
// (a comment, a key).
std::optional<SecretPlace> PlaceOf(const Node& root, uint32_t offset, std::string_view value) {
  SecretPlace place;
  const Node* node = &root;
  std::string_view key_of_node;
  for (int depth = 0; depth < 512; ++depth) {
    if (place.in_example && IsCredentialName(key_of_node) && place.field.empty()) {
      place.credential = true;
      place.field = std::string(key_of_node);
    }
    if (DocumentsCredential(*node) && !place.credential) {
      place.credential = true;
      const Node* name = node->Find("name");
      place.field = name != nullptr && name->is_string() ? std::string(name->text()) : std::string(key_of_node);
    }
    if (node->is_scalar()) {
      if (node->text().find(value) == std::string_view::npos) return std::nullopt;
      if (place.field.empty()) place.field = std::string(key_of_node);
      return place;
    }
    const Node* next = nullptr;
    std::string_view next_key;
    if (node->is_map()) {
      for (const Member& m : MembersOf(*node)) {
        if (m.key_offset > offset) break;
        next = &m.value;
        next_key = m.key();
      }
      // Properties of a credential schema: `properties: {token: {example: ...}}`.
      if (next != nullptr && key_of_node == "properties" && IsCredentialName(next_key)) {
        place.credential = true;
        place.field = std::string(next_key);
      }
    } else {
      for (const Node& item : ItemsOf(*node)) {
        if (item.offset > offset) break;
        next = &item;
      }
      next_key = key_of_node;
    }
    if (next == nullptr) return std::nullopt;
    if (IsExampleKey(next_key)) place.in_example = true;
    if (next_key == "x-code-samples" || next_key == "x-codeSamples") place.code_sample = true;
    node = next;
    key_of_node = next_key;
  }
  return std::nullopt;
}

bool IsTreeFile(std::string_view path) {
  auto ends = [&](std::string_view s) { return path.size() >= s.size() && path.substr(path.size() - s.size()) == s; };
  return ends(".yaml") || ends(".yml") || ends(".json");
}

std::vector<SecretFinding> Scan(std::string_view text) {
  std::vector<SecretFinding> findings;
  for (const SecretHit& hit : ScanForSecrets(text)) {
    findings.push_back({hit, SecretFingerprint(text, hit), std::nullopt});
  }
  return findings;
}

void Place(std::vector<SecretFinding>& findings, std::string_view text, const Node& root) {
  for (SecretFinding& f : findings) {
    // A PEM key's value spans lines; its first line is enough to find the scalar.
    std::string_view value = text.substr(f.hit.offset, std::min<size_t>(f.hit.length, 32));
    f.place = PlaceOf(root, static_cast<uint32_t>(f.hit.offset), value);
  }
}

}  // namespace

std::vector<SecretFinding> FindSecretsInTree(std::string_view path, std::string_view text, const Node* root) {
  std::vector<SecretFinding> findings = Scan(text);
  if (root != nullptr && IsTreeFile(path)) Place(findings, text, *root);
  return findings;
}

std::vector<SecretFinding> FindSecretsByParsing(FileId file, std::string_view path, std::string_view text) {
  std::vector<SecretFinding> findings = Scan(text);
  // Only a file with a finding is read again as a tree, to see where its findings sit.
  if (findings.empty() || !IsTreeFile(path)) return findings;
  NodeArena arena;
  DiagSink ignored;
  const Node* root = ParseDocument(file, DetectFormat(path, text), text, arena, ignored);
  if (root != nullptr) Place(findings, text, *root);
  return findings;
}

}  // namespace specc::spec
