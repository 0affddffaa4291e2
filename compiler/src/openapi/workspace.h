// Workspace: the set of documents one OpenAPI description is made of, and the `$ref`
// resolver over them. The root file and every file a `$ref` names are each loaded and
// parsed once. References are resolved by JSON pointer (RFC 6901, with `~0`, `~1` and
// percent-decoding); chains of references are followed with cycle detection. A reference
// that leaves the repository (lexically or through a symbolic link), or names a remote
// URL, is refused with a diagnostic.
#ifndef SPECC_OPENAPI_WORKSPACE_H_
#define SPECC_OPENAPI_WORKSPACE_H_

#include <cstdint>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/diag_sink.h"
#include "base/fs.h"
#include "base/source_map.h"
#include "spec/node.h"

namespace specc::openapi {

struct Document {
  FileId file = kNoFile;
  std::string path;  // the path used with Fs, normalised
  const spec::Node* root = nullptr;
};

// Where a reference leads: a node inside a document.
struct RefTarget {
  const Document* doc = nullptr;
  const spec::Node* node = nullptr;
  // The JSON pointer of `node` inside `doc` ("" for the whole document).
  std::string pointer;
};

class Workspace {
 public:
  // `fs`, `sources` and `sink` must outlive the workspace. `display_base` is the directory
  // that printed paths are relative to.
  Workspace(const Fs& fs, SourceMap& sources, DiagSink& sink, std::string display_base);
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;
  // Waits for the secret scans still under way (they read the trees), dropping what they
  // found: a file without recorded findings is parsed again by the secret review.
  ~Workspace();

  // Loads and parses the root document; returns nullptr after reporting when it cannot.
  // Every later `$ref` must stay inside `display_base` (the repository), or inside the
  // root's directory when the root itself lies outside `display_base`.
  const Document* LoadRoot(const std::string& path);

  // If `node` is a Reference Object (`{$ref: ...}`), follows the chain of references to
  // the first node that is not one; otherwise returns `node` itself. Reports unresolved
  // references, cycles and refused targets at the `$ref` that caused them, and returns
  // std::nullopt then. Where each reference leads is remembered, so resolving every
  // reference of a description costs time linear in the number of references, however
  // they chain.
  std::optional<RefTarget> Deref(const Document& doc, const spec::Node& node,
                                 std::string_view pointer = {});

  // Resolves one `$ref` string (`ref` is the string node) written in `doc`.
  std::optional<RefTarget> Resolve(const Document& doc, const spec::Node& ref);

  // True when `node` is a map with a `$ref` member (a Reference Object).
  static const spec::Node* RefOf(const spec::Node& node);

  const std::vector<std::unique_ptr<Document>>& documents() const { return documents_; }
  // Waits for the secret scans started on other threads (a large file's, with the
  // SourceMap's background work on) and records their findings in the SourceMap, as the
  // scans of the other files were when they were parsed. Call it before the workspace goes.
  void RecordSecrets();
  const SourceMap& sources() const { return sources_; }
  // The resolver's work so far, which the hostile-input tests bound: references followed
  // one step (a Resolve), JSON-pointer tokens walked and map keys indexed.
  uint64_t deref_steps() const { return deref_steps_; }

 private:
  const Document* Load(const std::string& path, Loc referenced_from);
  // Reports the cycle that `ref` closes; `chain` holds the references followed before it.
  void ReportCycle(const std::vector<RefTarget>& chain, const spec::Node& ref);
  // "the repository", or the root's directory, for messages.
  std::string BoundaryName() const;
  // Returns the value under `key` of map `map`, or nullptr.
  const spec::Node* Child(const spec::Node& map, std::string_view key);

  const Fs& fs_;
  SourceMap& sources_;
  DiagSink& sink_;
  std::string display_base_;
  // The directory every file of the description must lie in, and whether it is the
  // repository (otherwise the root document's directory).
  std::string root_dir_;
  bool bounded_by_repository_ = false;
  spec::NodeArena arena_;
  std::vector<std::unique_ptr<Document>> documents_;
  // The secret scans of large files, running while the description is lowered. They read
  // the trees in arena_ (which only grows meanwhile) and the texts, and are declared after
  // them so that they end first.
  std::vector<std::pair<FileId, std::future<std::vector<SecretFinding>>>> secret_scans_;
  // Files by normalised path; nullptr for files that failed to load (reported once).
  std::unordered_map<std::string, const Document*> by_path_;
  // Resolution results by (file, $ref text); failures are cached too, so each broken
  // reference is reported where it is first met and costs nothing after.
  std::unordered_map<std::string, std::optional<RefTarget>> cache_;
  // Where each Reference Object met inside a chain leads: the final target, or nullopt
  // when the chain fails (already reported, so a cycle through three references is one
  // diagnostic, not three). Keys are arena nodes only, never a caller's temporary.
  std::unordered_map<const spec::Node*, std::optional<RefTarget>> final_targets_;
  uint64_t deref_steps_ = 0;
  // What is left of kSuggestionBudget for "did you mean" hints on unresolved references.
  uint64_t suggestion_budget_;
  // The members of large maps that JSON pointers walk through, by key.
  std::unordered_map<const spec::Node*, std::unordered_map<std::string_view, const spec::Node*>> child_index_;
};

// Decodes a JSON pointer ("/a~1b/0") into its reference tokens; false when malformed.
bool DecodeJsonPointer(std::string_view pointer, std::vector<std::string>* tokens);
// Decodes %XX escapes; false when an escape is malformed.
bool PercentDecode(std::string_view text, std::string* out);
// Escapes one reference token for a JSON pointer ("a/b" -> "a~1b").
std::string EscapeJsonPointerToken(std::string_view token);

}  // namespace specc::openapi

#endif  // SPECC_OPENAPI_WORKSPACE_H_
