#include "emit/postman/request_variant.h"

#include <charconv>
#include <optional>

#include "base/json_writer.h"
#include "emit/postman/uuid5.h"

namespace specc::emit::postman {
namespace {

// The `exec` list of a request item's view: `{line_json, last}` per line.
View ExecView(const std::vector<std::string>& lines) {
  View exec = View::List();
  for (const std::string& line : lines) {
    View lv;
    lv.Set("line_json", line);
    exec.Add(std::move(lv));
  }
  exec.MarkLast();
  return exec;
}

constexpr std::string_view kIdHole = "id";
constexpr std::string_view kScriptIdHole = "script_id";
// The hole of line k of the test script: `exec:k`.
constexpr std::string_view kExecHole = "exec:";

// A text that tells apart views that render differently.
void AppendShape(const View& view, std::string& out) {
  switch (view.kind()) {
    case View::Kind::kString:
      out.push_back('s');
      out.append(std::to_string(view.text().size())).push_back(':');
      out.append(view.text());
      return;
    case View::Kind::kBool:
      out.push_back(view.flag() ? 't' : 'f');
      return;
    case View::Kind::kList:
      out.push_back('[');
      for (const View& item : view.items()) AppendShape(item, out);
      out.push_back(']');
      return;
    case View::Kind::kObject:
      out.push_back('{');
      for (const auto& [key, member] : view.members()) {
        out.append(std::to_string(key.size())).push_back(':');
        out.append(key);
        AppendShape(member, out);
      }
      out.push_back('}');
      return;
  }
}

// Whether member `key` of a request's view is a JSON part, a hole while the item renders.
bool IsJsonPart(std::string_view key, const View& value) {
  return key.ends_with("_json") && value.kind() == View::Kind::kString && !value.text().empty();
}

// The same text for two request items whose views with holes (ItemView(Ids::kHoles))
// render alike: what those views are made of, read off the item without building its view
// (that copied every part of every request).
std::string HoleShape(const RequestItem& item) {
  std::string out;
  for (const auto& [key, member] : item.view.members()) {
    out.append(std::to_string(key.size())).push_back(':');
    out.append(key);
    if (IsJsonPart(key, member)) {
      out.push_back('h');
    } else {
      AppendShape(member, out);
    }
  }
  out.append("e").append(std::to_string(item.exec.size()));
  return out;
}

// `json`, laid out as JsonWriter lays it out, without the layout: as JsonWriter(0) writes it.
std::string CompactJson(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  bool in_string = false;
  for (size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (in_string) {
      out.push_back(c);
      if (c == '\\' && i + 1 < json.size()) {
        out.push_back(json[++i]);
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == ' ' || c == '\n') continue;
    in_string = c == '"';
    out.push_back(c);
  }
  return out;
}

size_t TextBytes(const View& view) {
  size_t bytes = view.text().size();
  for (const auto& [key, member] : view.members()) bytes += TextBytes(member);
  for (const View& item : view.items()) bytes += TextBytes(item);
  return bytes;
}

// The text of JSON part `name` of a request's view; null when it has none.
const std::string* Part(const View& parts, std::string_view name) {
  for (const auto& [key, value] : parts.members()) {
    if (key == name && value.kind() == View::Kind::kString) return &value.text();
  }
  return nullptr;
}

}  // namespace

RequestItem RequestView(RequestBuilder::Parts&& p, std::string responses_json) {
  // The builder gives its parts without spare room; a chained URL, made since, is trimmed
  // here.
  p.url_json.shrink_to_fit();
  RequestItem item;
  View& rv = item.view;
  // Exactly its members: a view per request of each kind of collection, grown by doubling,
  // left megabytes of room unused on GitHub's description.
  rv.Reserve(9);
  rv.Set("name_json", JsonQuote(p.name));
  rv.Set("description_json", p.description.empty() ? std::string() : JsonQuote(p.description));
  rv.Set("method_json", JsonQuote(p.method));
  rv.Set("header_json", std::move(p.header_json));
  rv.Set("body_json", std::move(p.body_json));
  rv.Set("url_json", std::move(p.url_json));
  rv.Set("auth_json", std::move(p.auth_json));
  rv.Set("no_redirects", !p.follow_redirects);
  rv.Set("responses_json", std::move(responses_json));
  item.exec.reserve(p.exec.size());
  for (const std::string& line : p.exec) item.exec.push_back(JsonQuote(line));
  return item;
}

View RequestVariant::ItemView(size_t i, const std::string& seed, Ids ids) const {
  const RequestItem& item = views_.at(i);
  const View& parts = item.view;
  View view;
  if (ids == Ids::kHoles) {
    for (const auto& [key, value] : parts.members()) view.Set(key, IsJsonPart(key, value) ? View(JsonHole(key)) : value);
    view.Set("id_json", JsonHole(kIdHole));
    view.Set("script_id_json", JsonHole(kScriptIdHole));
    std::vector<std::string> lines;
    lines.reserve(item.exec.size());
    for (size_t k = 0; k < item.exec.size(); ++k) lines.push_back(JsonHole(std::string(kExecHole) + std::to_string(k)));
    view.Set("exec", ExecView(lines));
    return view;
  }
  // The slow way renders a template with the parts in it, then parses the whole: the parts
  // go in compact, as a template author reading the rendered text (or a
  // TEMPLATE_OUTPUT_INVALID position in it) sees them.
  for (const auto& [key, value] : parts.members()) {
    bool json_part = key.ends_with("_json") && value.kind() == View::Kind::kString;
    view.Set(key, json_part ? View(CompactJson(value.text())) : value);
  }
  std::string key = RequestKey(i, seed);
  view.Set("id_json", JsonQuote(Uuid5(kUrlNamespace, key)));
  view.Set("script_id_json", JsonQuote(Uuid5(kUrlNamespace, key + ":test")));
  view.Set("exec", ExecView(item.exec));
  return view;
}

bool RequestVariant::Splice(const TemplateSet& templates, std::string_view token, int depth, const std::string& seed,
                            std::string& out) {
  size_t i = 0;
  auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), i);
  if (ec != std::errc() || end != token.data() + token.size() || !views_.count(i)) return false;
  const RequestItem& item = views_.at(i);
  const View& parts = item.view;
  // Items of one shape share a skeleton: most of an API's requests render alike once their
  // parts, ids and script lines are holes, so the template renders a few hundred times
  // rather than once per request.
  auto [shape, added] = shapes_.try_emplace(i);
  if (added) shape->second = HoleShape(item);
  std::string skeleton_key = std::to_string(depth) + "@" + shape->second;
  auto it = skeletons_.find(skeleton_key);
  if (it == skeletons_.end()) {
    // The holes stay, each with the depth its value is formatted at: `body_json@5`.
    JsonHoleFn keep = [&](std::string_view hole, int at, std::string& text) {
      bool known = hole == kIdHole || hole == kScriptIdHole || Part(parts, hole) != nullptr;
      if (!known && hole.starts_with(kExecHole)) {
        size_t k = 0;
        std::string_view digits = hole.substr(kExecHole.size());
        auto [stop, bad] = std::from_chars(digits.data(), digits.data() + digits.size(), k);
        known = bad == std::errc() && stop == digits.data() + digits.size() && k < item.exec.size();
      }
      if (!known) return false;
      text += JsonHole(std::string(hole) + "@" + std::to_string(at));
      return true;
    };
    std::optional<std::string> text = TryRenderJson(templates, kEmitterId, "postman/request.json.mustache",
                                                    ItemView(i, seed, Ids::kHoles), depth, keep);
    if (!text) return false;
    it = skeletons_.emplace(std::move(skeleton_key), std::move(*text)).first;
  }
  // The ids differ per collection; the parts and script lines are the same in each.
  std::optional<Sha1Hasher> key;
  auto fill_ids = [&](std::string_view hole, std::string& text) {
    if (!key) key = KeyHasher(i, seed);
    std::string_view name = hole.substr(0, hole.rfind('@'));
    text.push_back('"');
    text += name == kScriptIdHole ? Uuid5(Sha1Hasher(*key).Update(":test")) : Uuid5(*key);
    text.push_back('"');
    return true;
  };
  auto fill = [&](std::string_view hole, std::string& text, bool ids) {
    size_t at = hole.rfind('@');
    std::string_view name = hole.substr(0, at);
    if (name == kIdHole || name == kScriptIdHole) {
      if (ids) return fill_ids(hole, text);
      text.push_back(kHoleMark);
      text.append(hole);
      text.push_back(kHoleMark);
    } else if (name.starts_with(kExecHole)) {
      size_t k = 0;
      std::from_chars(name.data() + kExecHole.size(), name.data() + name.size(), k);
      text += item.exec.at(k);  // a quoted line: one line of JSON at any depth
    } else {
      // The parts come laid out as top-level values (request_builder.cc).
      int hole_depth = 0;
      std::from_chars(hole.data() + at + 1, hole.data() + hole.size(), hole_depth);
      AppendJsonIndented(text, *Part(parts, name), static_cast<size_t>(hole_depth) * 2);
    }
    return true;
  };
  if (collections_ <= 1) {
    return FillJsonHoles(it->second, [&](std::string_view hole, std::string& text) { return fill(hole, text, true); },
                         out);
  }
  // A kind of collection rendered more than once fills each request's parts and script in
  // once, leaving its ids to fill per collection.
  auto [filled, first] = filled_.try_emplace({i, depth});
  if (first) {
    FillJsonHoles(it->second, [&](std::string_view hole, std::string& text) { return fill(hole, text, false); },
                  filled->second);
  }
  return FillJsonHoles(filled->second, fill_ids, out);
}

size_t RequestVariant::SizeHint() const {
  // With room to spare: the collections' names and base URLs differ in length, and a
  // collection a few bytes over its reservation would be copied whole into twice the room.
  if (last_size_ > 0) return last_size_ + last_size_ / 64 + 4096;
  size_t bytes = 0;
  for (const auto& [i, item] : views_) {
    bytes += TextBytes(item.view);
    for (const std::string& line : item.exec) bytes += line.size();
  }
  // Formatting indents every line: a run collection grows to about twice these bytes.
  return 2 * bytes;
}

std::string RequestVariant::RequestKey(size_t i, const std::string& seed) const {
  const ir::Operation& op = api_.operations[i];
  return seed + "request:" + op.method + " " + op.path;
}

Sha1Hasher RequestVariant::KeyHasher(size_t i, const std::string& seed) {
  if (seed != hashed_seed_) {
    hashed_seed_ = seed;
    seed_hasher_ = Uuid5Hasher(kUrlNamespace);
    seed_hasher_.Update(seed).Update("request:");
  }
  const ir::Operation& op = api_.operations[i];
  Sha1Hasher key = seed_hasher_;
  key.Update(op.method).Update(" ").Update(op.path);
  return key;
}

}  // namespace specc::emit::postman
