// Rendering: an emitter builds a view model (View: strings, booleans, lists and objects,
// every string precomputed and already cased) and renders a template with it. Templates
// are logic-less mustache (kainjow, which lives in render.cc only); `{{x}}` is never
// HTML-escaped, because the output is code. Template errors become diagnostics at the
// template's line and column; JSON artifacts are parsed after rendering, so a template
// that renders invalid JSON is a diagnostic too, and then re-written in one canonical form.
#ifndef SPECC_EMIT_RENDER_H_
#define SPECC_EMIT_RENDER_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/diag_sink.h"
#include "base/json_writer.h"
#include "emit/template_set.h"

namespace specc::emit {

// The mustache data. An empty string counts as false (`{{#x}}` skips it), so optional text
// is set to "" rather than left out: a missing key would resolve to an outer one of the
// same name. An object keeps its members in insertion order (lookups only: the
// template decides the output order); a list renders in vector order.
class View {
 public:
  enum class Kind : uint8_t { kObject, kString, kBool, kList };

  View() = default;
  View(std::string text) : kind_(Kind::kString), text_(std::move(text)) {}  // NOLINT
  View(const char* text) : kind_(Kind::kString), text_(text) {}            // NOLINT
  View(bool flag) : kind_(Kind::kBool), flag_(flag) {}                     // NOLINT
  static View List() {
    View v;
    v.kind_ = Kind::kList;
    return v;
  }

  // Object members. REQUIRES: kind() == kObject.
  View& Set(std::string key, View value);
  // Makes room for `members` members, for a caller that knows how many it sets.
  View& Reserve(size_t members) {
    members_.reserve(members);
    return *this;
  }
  // List items. REQUIRES: kind() == kList.
  View& Add(View item);
  // Marks the last item of a list with `last: true` and the others `last: false`, for
  // separators: `{{^last}},{{/last}}`. REQUIRES: a list of objects.
  View& MarkLast();

  Kind kind() const { return kind_; }
  const std::string& text() const { return text_; }
  bool flag() const { return flag_; }
  const std::vector<std::pair<std::string, View>>& members() const { return members_; }
  const std::vector<View>& items() const { return items_; }
  size_t size() const { return items_.size(); }
  // The same, to be moved from (Render of a View&&).
  std::string& mutable_text() { return text_; }
  std::vector<std::pair<std::string, View>>& mutable_members() { return members_; }
  std::vector<View>& mutable_items() { return items_; }

 private:
  Kind kind_ = Kind::kObject;
  std::string text_;
  bool flag_ = false;
  std::vector<std::pair<std::string, View>> members_;
  std::vector<View> items_;
};

// Renders template `name` ("zod/schemas.ts.mustache") of `templates` with `view`. The
// partials of `emitter_id` and the common partials are available by name
// (`{{> header}}`). Returns the text with a final newline; reports TEMPLATE_SYNTAX at the
// template's line:col and returns nullopt when a template does not parse.
// REQUIRES: the template exists (a missing built-in template is a bug).
std::optional<std::string> Render(const TemplateSet& templates, std::string_view emitter_id,
                                  std::string_view name, const View& view, DiagSink& sink);
// Render() of a view the caller is done with: its texts move into the template's data
// instead of being copied, and each part of it is freed once read, so that the view and
// the data are not both whole at once (on GitHub's description the Zod view alone is
// megabytes). `view` is left empty.
std::optional<std::string> Render(const TemplateSet& templates, std::string_view emitter_id,
                                  std::string_view name, View&& view, DiagSink& sink);

// Render(), then parses the result as JSON and returns it re-written canonically (two
// spaces of indentation, one member or item per line, `[]`/`{}` when empty, strings
// re-escaped minimally, numbers as written). Reports TEMPLATE_OUTPUT_INVALID at the
// template, with the position in the rendered text, when the result is not JSON.
std::optional<std::string> RenderJson(const TemplateSet& templates, std::string_view emitter_id,
                                      std::string_view name, const View& view, DiagSink& sink);
// RenderJson() of a view the caller is done with, read as Render(View&&) reads it.
std::optional<std::string> RenderJson(const TemplateSet& templates, std::string_view emitter_id,
                                      std::string_view name, View&& view, DiagSink& sink);

// Re-writes JSON `text` canonically as RenderJson does. Returns false and sets `*error`
// (with the byte offset in `*error_offset`) when `text` is not one valid JSON value or has
// a duplicate key in an object.
bool FormatJson(std::string_view text, std::string* out, std::string* error, size_t* error_offset);

// Holes: rendering a large JSON artifact made of parts that repeat (a Postman request in
// three collections, differing in its ids only) renders and formats each part once. A view
// value JsonHole("token") stands where a JSON value goes; TryRenderJson() hands each hole
// it meets to a JsonHoleFn with the depth it stands at, which appends the canonical text
// of the value there (a part formatted at that depth) or the hole itself, to be filled
// later by FillJsonHoles(). The mark byte is a C0 control that escaped spec text and valid
// JSON never hold raw, so a hole cannot be forged by what a spec says.
inline constexpr char kHoleMark = '\x02';
using JsonHoleFn = std::function<bool(std::string_view token, int depth, std::string& out)>;

// Returns the hole named `token` (no kHoleMark in it).
std::string JsonHole(std::string_view token);

// Render() and the canonical re-writing of RenderJson(), as the value at nesting `depth`
// (no final newline), with each hole of the rendered text handed to `hole`. Returns nullopt,
// and reports nothing, when anything goes wrong: a template that does not parse, output
// that is not JSON, a hole `hole` refuses, a template holding the mark itself. The caller
// then renders without holes, through RenderJson(), which reports what went wrong.
// `size_hint`, when larger than the rendered text, is the room reserved for the result up
// front (what the holes add), so that megabytes are not copied as it grows.
std::optional<std::string> TryRenderJson(const TemplateSet& templates, std::string_view emitter_id,
                                         std::string_view name, const View& view, int depth,
                                         const JsonHoleFn& hole, size_t size_hint = 0);

// Appends `text` to `out` with each hole replaced by what `fill(token, out)` appends.
// Returns false as soon as `fill` does.
// REQUIRES: `text` comes from TryRenderJson(), its holes kept by its JsonHoleFn.
bool FillJsonHoles(std::string_view text, const std::function<bool(std::string_view token, std::string& out)>& fill,
                   std::string& out);

// Appends JSON `text` to `out` in the canonical layout of RenderJson(), as the value at
// nesting `depth` (no final newline). Returns false, having appended part of it, when
// `text` is not one valid JSON value.
bool AppendFormattedJson(std::string_view text, int depth, std::string& out);

// Writes JSON text from the spec (an example, a default, an enum value) to `out` as one
// value: verbatim into a compact writer, and into an indented one (2 spaces, the layout of
// RenderJson()) laid out as AppendFormattedJson() lays it out, so that a document written
// indented needs no formatting pass. Returns false, having written `json` verbatim, when
// the formatter does not read it (a duplicate key, say): formatted, the document would
// have failed to render.
bool WriteJsonText(JsonWriter& out, std::string_view json);

// Returns `text` as a quoted JSON string (also a valid TypeScript string literal).
std::string JsonQuote(std::string_view text);

}  // namespace specc::emit

#endif  // SPECC_EMIT_RENDER_H_
