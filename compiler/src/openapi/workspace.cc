#include "openapi/workspace.h"

#include <algorithm>

#include "base/fs.h"
#include "base/path.h"
#include "openapi/suggest.h"
#include "spec/parse.h"
#include "spec/secret_context.h"

namespace specc::openapi {

bool PercentDecode(std::string_view text, std::string* out) {
  out->clear();
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      *out += text[i];
      continue;
    }
    auto hex = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    if (i + 2 >= text.size()) return false;
    int hi = hex(text[i + 1]), lo = hex(text[i + 2]);
    if (hi < 0 || lo < 0) return false;
    *out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return true;
}

bool DecodeJsonPointer(std::string_view pointer, std::vector<std::string>* tokens) {
  tokens->clear();
  if (pointer.empty()) return true;
  if (pointer[0] != '/') return false;
  size_t i = 1;
  while (true) {
    size_t slash = pointer.find('/', i);
    std::string_view raw = pointer.substr(i, slash == std::string_view::npos ? slash : slash - i);
    std::string token;
    for (size_t k = 0; k < raw.size(); ++k) {
      if (raw[k] != '~') {
        token += raw[k];
        continue;
      }
      if (k + 1 >= raw.size()) return false;
      if (raw[k + 1] == '0') {
        token += '~';
      } else if (raw[k + 1] == '1') {
        token += '/';
      } else {
        return false;
      }
      ++k;
    }
    tokens->push_back(std::move(token));
    if (slash == std::string_view::npos) break;
    i = slash + 1;
  }
  return true;
}

std::string EscapeJsonPointerToken(std::string_view token) {
  std::string out;
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

Workspace::Workspace(const Fs& fs, SourceMap& sources, DiagSink& sink, std::string display_base)
    : fs_(fs),
      sources_(sources),
      sink_(sink),
      display_base_(std::move(display_base)),
      suggestion_budget_(kSuggestionBudget) {}

Workspace::~Workspace() {
  for (auto& [file, scan] : secret_scans_) scan.wait();
}

void Workspace::RecordSecrets() {
  for (auto& [file, scan] : secret_scans_) sources_.RecordSecrets(file, scan.get());
  secret_scans_.clear();
}

std::string Workspace::BoundaryName() const {
  if (bounded_by_repository_) return "the repository";
  return "the root document's directory `" + (root_dir_.empty() ? std::string(".") : RelativeTo(root_dir_, display_base_)) + "`";
}

const spec::Node* Workspace::RefOf(const spec::Node& node) {
  if (!node.is_map()) return nullptr;
  return node.Find("$ref");
}

const Document* Workspace::LoadRoot(const std::string& path) {
  std::string normal = NormalizePath(path);
  // The repository (the directory printed paths are relative to) bounds the description,
  // not the root's own directory: `specs/api/openapi.yaml` naming `../common/x.yaml` is a
  // common layout. A root named outside it (file mode, `specc lint ../x.yaml`) is bounded
  // by its own directory.
  std::string base = NormalizePath(display_base_);
  bounded_by_repository_ = IsWithin(normal, base);
  root_dir_ = bounded_by_repository_ ? base : std::string(DirName(normal));
  return Load(normal, Loc{});
}

const Document* Workspace::Load(const std::string& path, Loc referenced_from) {
  auto it = by_path_.find(path);
  if (it != by_path_.end()) return it->second;
  by_path_[path] = nullptr;
  Result<std::string> text = fs_.Read(path);
  if (!text.ok()) {
    std::string display = RelativeTo(path, display_base_);
    if (ReportIfOutsideRoot(display, text.error(), referenced_from, sink_)) return nullptr;
    if (referenced_from.known()) {
      sink_.Report(DiagCode::kSpecRefUnresolved, referenced_from,
                   "`$ref` names file `" + display + "`, which cannot be read: " +
                       text.error().message.substr(text.error().message.rfind(": ") + 2));
    } else {
      sink_.Report(DiagCode::kSpecFileUnreadable, Loc{},
                   "cannot read `" + display + "`: " +
                       text.error().message.substr(text.error().message.rfind(": ") + 2));
    }
    return nullptr;
  }
  FileId file = sources_.Add(RelativeTo(path, display_base_), std::move(text).value());
  sources_.StartCompressing(file);
  std::string_view contents = sources_.contents(file);
  const spec::Node* root = spec::ParseDocument(file, spec::DetectFormat(path, contents), contents,
                                               arena_, sink_);
  // Where each secret-shaped value sits is judged now, while the tree is alive: the secret
  // review would otherwise parse every file with a finding a second time. A large file's
  // scan runs on another core while the description is lowered (RecordSecrets collects it).
  if (sources_.secrets_wanted()) {
    if (sources_.WorthAThread(file)) {
      secret_scans_.emplace_back(file, std::async(std::launch::async, [path = sources_.path(file), contents, root] {
                                   return spec::FindSecretsInTree(path, contents, root);
                                 }));
    } else {
      sources_.RecordSecrets(file, spec::FindSecretsInTree(sources_.path(file), contents, root));
    }
  }
  if (root == nullptr) return nullptr;
  auto doc = std::make_unique<Document>(Document{file, path, root});
  const Document* result = doc.get();
  documents_.push_back(std::move(doc));
  by_path_[path] = result;
  return result;
}

std::optional<RefTarget> Workspace::Resolve(const Document& doc, const spec::Node& ref) {
  if (!ref.is_string()) {
    sink_.Report(DiagCode::kSpecRefInvalid, ref.loc(),
                 "`$ref` must be a string, not " + std::string(spec::NodeKindName(ref.kind)));
    return std::nullopt;
  }
  std::string key = std::to_string(doc.file) + '\0' + std::string(ref.text());
  auto cached = cache_.find(key);
  if (cached != cache_.end()) return cached->second;
  auto fail = [&]() -> std::optional<RefTarget> {
    cache_[key] = std::nullopt;
    return std::nullopt;
  };

  std::string_view text = ref.text();
  size_t hash = text.find('#');
  std::string_view file_part = text.substr(0, hash);
  std::string_view fragment = hash == std::string_view::npos ? "" : text.substr(hash + 1);
  if (file_part.find("://") != std::string_view::npos || file_part.rfind("//", 0) == 0) {
    sink_.Report(DiagCode::kSpecRefRemote, ref.loc(),
                 "remote `$ref` `" + std::string(text) + "` is not fetched",
                 "specc works offline; download the document next to this one and refer to it "
                 "by relative path");
    return fail();
  }
  const Document* target_doc = &doc;
  if (!file_part.empty()) {
    std::string decoded;
    if (!PercentDecode(file_part, &decoded)) {
      sink_.Report(DiagCode::kSpecRefInvalid, ref.loc(),
                   "malformed percent-encoding in `$ref` `" + std::string(text) + "`");
      return fail();
    }
    std::string path = JoinPath(DirName(doc.path), decoded);
    if (!IsWithin(path, root_dir_)) {
      sink_.Report(DiagCode::kSpecRefOutsideRoot, ref.loc(),
                   "`$ref` `" + std::string(text) + "` leads outside " + BoundaryName(),
                   "keep every file of the description inside " + BoundaryName());
      return fail();
    }
    // A symlink inside the directory may still point outside it.
    Result<std::string> canonical_target = fs_.Canonical(path);
    Result<std::string> canonical_root = fs_.Canonical(root_dir_.empty() ? "." : root_dir_);
    if (canonical_target.ok() && canonical_root.ok() &&
        !IsWithin(canonical_target.value(), canonical_root.value())) {
      sink_.Report(DiagCode::kSpecRefOutsideRoot, ref.loc(),
                   "`$ref` `" + std::string(text) + "` resolves (through a symbolic link) outside " +
                       BoundaryName());
      return fail();
    }
    target_doc = Load(path, ref.loc());
    if (target_doc == nullptr) return fail();
  }
  std::string pointer;
  if (!PercentDecode(fragment, &pointer)) {
    sink_.Report(DiagCode::kSpecRefInvalid, ref.loc(),
                 "malformed percent-encoding in `$ref` `" + std::string(text) + "`");
    return fail();
  }
  std::vector<std::string> tokens;
  if (!DecodeJsonPointer(pointer, &tokens)) {
    sink_.Report(DiagCode::kSpecRefInvalid, ref.loc(),
                 "`$ref` `" + std::string(text) + "` has a fragment that is not a JSON pointer",
                 "a same-document reference looks like `#/components/schemas/Name`");
    return fail();
  }
  const spec::Node* node = target_doc->root;
  std::string walked;
  for (const std::string& token : tokens) {
    const spec::Node* next = nullptr;
    ++deref_steps_;
    if (node->is_map()) {
      next = Child(*node, token);
    } else if (node->is_seq()) {
      bool digits = !token.empty() && std::all_of(token.begin(), token.end(),
                                                  [](char c) { return c >= '0' && c <= '9'; });
      if (digits && token.size() < 10) {
        size_t index = std::stoul(token);
        if (index < node->size) next = &node->items[index];
      }
    }
    if (next == nullptr) {
      std::string where = walked.empty() ? "the document root" : "`#" + walked + "`";
      std::string hint;
      if (node->is_map() && suggestion_budget_ >= node->size) {
        suggestion_budget_ -= node->size;
        deref_steps_ += node->size;
        std::vector<std::string_view> keys;
        for (const spec::Member& m : spec::MembersOf(*node)) keys.push_back(m.key());
        std::string_view best = ClosestMatch(token, keys);
        if (!best.empty()) hint = "did you mean `" + std::string(best) + "`?";
      }
      sink_.Report(DiagCode::kSpecRefUnresolved, ref.loc(),
                   "unresolved `$ref` `" + std::string(text) + "`: " + where + " has no `" +
                       token + "`",
                   hint);
      return fail();
    }
    walked += '/';
    walked += EscapeJsonPointerToken(token);
    node = next;
  }
  RefTarget target{target_doc, node, walked};
  cache_[key] = target;
  return target;
}

const spec::Node* Workspace::Child(const spec::Node& map, std::string_view key) {
  // Node::Find scans; a description with 40,000 components would scan them once per
  // reference. Small maps are scanned, large ones indexed once.
  constexpr uint32_t kScanned = 16;
  if (map.size <= kScanned) return map.Find(key);
  auto [it, inserted] = child_index_.try_emplace(&map);
  if (inserted) {
    deref_steps_ += map.size;
    it->second.reserve(map.size);
    // emplace keeps the first of duplicate keys, as Find does (duplicates are reported).
    for (const spec::Member& m : spec::MembersOf(map)) it->second.emplace(m.key(), &m.value);
  }
  auto found = it->second.find(key);
  return found == it->second.end() ? nullptr : found->second;
}

std::optional<RefTarget> Workspace::Deref(const Document& doc, const spec::Node& node,
                                          std::string_view pointer) {
  RefTarget current{&doc, &node, std::string(pointer)};
  if (RefOf(node) == nullptr) return current;
  // The Reference Objects followed so far. Every node after the first came from Resolve,
  // so it lives in the arena and may be memoised; the first may be a caller's temporary
  // (a `$ref` split from its siblings, a discriminator mapping made into a reference).
  std::vector<RefTarget> chain;
  std::unordered_set<const spec::Node*> on_chain;
  std::optional<RefTarget> result;
  while (true) {
    const spec::Node* ref = RefOf(*current.node);
    if (ref == nullptr) {
      result = std::move(current);
      break;
    }
    if (!chain.empty()) {
      auto known = final_targets_.find(current.node);
      if (known != final_targets_.end()) {
        result = known->second;
        break;
      }
    }
    if (!on_chain.insert(current.node).second) {
      ReportCycle(chain, *ref);
      break;
    }
    chain.push_back(current);
    ++deref_steps_;
    std::optional<RefTarget> next = Resolve(*current.doc, *ref);
    if (!next) break;
    current = std::move(*next);
  }
  // Each reference on the chain now leads where the chain ended: a later Deref that meets
  // one stops there, so a chain of n references costs n steps in all, not n per entry.
  for (size_t i = 1; i < chain.size(); ++i) final_targets_.emplace(chain[i].node, result);
  return result;
}

void Workspace::ReportCycle(const std::vector<RefTarget>& chain, const spec::Node& ref) {
  Diagnostic d{.severity = Severity::kError,
               .code = DiagCode::kSpecRefCycle,
               .loc = ref.loc(),
               .message = "`$ref` cycle: these references point only at each other "
                          "and never reach a value",
               .hint = "one of these references must point at a real object",
               .notes = {}};
  for (const RefTarget& step : chain) {
    const spec::Node* step_ref = RefOf(*step.node);
    d.notes.push_back(Diagnostic{.severity = Severity::kNote,
                                 .code = DiagCode::kSpecRefCycle,
                                 .loc = step_ref->loc(),
                                 .message = "refers to `" + std::string(step_ref->text()) + "`",
                                 .hint = {},
                                 .notes = {}});
  }
  sink_.Report(std::move(d));
}

}  // namespace specc::openapi
