#include "emit/postman/chaining.h"

#include <algorithm>
#include <set>

#include "base/ascii.h"
#include "sema/response_body.h"
#include "sema/routes.h"

namespace specc::emit {
namespace {

// An exact 2xx status ("201" -> 201); 0 for anything else.
int SuccessCode(const std::string& status) {
  if (status.size() != 3 || status[0] != '2') return 0;
  if (!std::all_of(status.begin(), status.end(), [](char c) { return c >= '0' && c <= '9'; })) return 0;
  return std::stoi(status);
}

// A candidate binding: `param` of some operation takes what `creator` captures.
struct Candidate {
  std::string param;
  size_t creator = 0;
  size_t capture = 0;  // index into the creator's captures
};

// Whether literal segments `a` and `b` say the same; without building their texts when
// each is one part (nearly always: this runs for every pair of a POST and a path).
bool SameLiteral(const sema::PathSegment& a, const sema::PathSegment& b) {
  if (a.parts.size() == 1 && b.parts.size() == 1) return a.parts[0].text == b.parts[0].text;
  return a.text() == b.text();
}

bool SameShapePrefix(const sema::PathTemplate& collection, const sema::PathTemplate& path) {
  if (path.segments.size() <= collection.segments.size()) return false;
  for (size_t i = 0; i < collection.segments.size(); ++i) {
    const sema::PathSegment& a = collection.segments[i];
    const sema::PathSegment& b = path.segments[i];
    sema::SegmentKind kind = a.kind();
    if (kind != b.kind()) return false;
    if (kind == sema::SegmentKind::kLiteral && !SameLiteral(a, b)) return false;
    if (kind == sema::SegmentKind::kMixed) return false;
  }
  return true;
}

// The name of the parameter that is the whole segment `i` of `path`, or "".
std::string ParamAt(const sema::PathTemplate& path, size_t i) {
  if (i >= path.segments.size() || path.segments[i].kind() != sema::SegmentKind::kParam) return {};
  for (const sema::PathPart& part : path.segments[i].parts) {
    if (part.param) return part.text;
  }
  return {};
}

bool HasPathParam(const ir::Operation& op, const std::string& name) {
  return std::any_of(op.parameters.begin(), op.parameters.end(),
                     [&](const ir::Parameter& p) { return p.in == ir::ParamIn::kPath && p.name == name; });
}

class Planner {
 public:
  explicit Planner(const sema::SchemaMeanings& meanings) : meanings_(meanings), api_(meanings.api()) {
    for (const ir::Operation& op : api_.operations) paths_.push_back(sema::ParsePathTemplate(op.path));
  }

  void FindCreators() {
    for (size_t i = 0; i < api_.operations.size(); ++i) {
      FromLinks(i);
      if (api_.operations[i].method == "post") FromCollectionPost(i);
    }
  }

  ChainPlan Plan(const std::vector<std::vector<size_t>*>& folders) {
    ChainPlan plan;
    for (const auto& [op, captures] : captures_) plan.requests[op].captures = captures;
    // Creators first inside each folder; the DELETEs of created resources out.
    std::vector<size_t> teardown;
    for (std::vector<size_t>* folder : folders) {
      std::stable_partition(folder->begin(), folder->end(), [&](size_t op) { return captures_.count(op) > 0; });
      auto end = std::stable_partition(folder->begin(), folder->end(), [&](size_t op) { return !Teardown(op); });
      teardown.insert(teardown.end(), end, folder->end());
      folder->erase(end, folder->end());
    }
    std::vector<size_t> sequence;
    for (const std::vector<size_t>* folder : folders) sequence.insert(sequence.end(), folder->begin(), folder->end());
    std::map<size_t, size_t> position;
    for (size_t i = 0; i < sequence.size(); ++i) position[sequence[i]] = i;
    // Children before parents: the resource created last is deleted first.
    auto creator_position = [&](size_t op) {
      size_t last = 0;
      for (const Candidate& c : candidates_[op]) {
        if (position.count(c.creator)) last = std::max(last, position[c.creator] + 1);
      }
      return last;
    };
    std::stable_sort(teardown.begin(), teardown.end(),
                     [&](size_t a, size_t b) { return creator_position(a) > creator_position(b); });
    sequence.insert(sequence.end(), teardown.begin(), teardown.end());
    plan.teardown = teardown;

    std::set<std::string> created;
    for (size_t op : sequence) {
      RequestChain& chain = plan.requests[op];
      for (const Candidate& c : candidates_[op]) {
        const std::string& variable = captures_[c.creator][c.capture].variable;
        if (created.count(variable) && !chain.path_variables.count(c.param)) chain.path_variables[c.param] = variable;
      }
      for (const ir::Parameter& p : api_.operations[op].parameters) {
        if (p.in == ir::ParamIn::kPath && IdNamed(p.name) && !chain.path_variables.count(p.name)) {
          chain.missing_target = true;
        }
      }
      if (chain.missing_target) continue;
      for (const IdCapture& capture : chain.captures) {
        if (created.insert(capture.variable).second) plan.variables.push_back(capture.variable);
      }
    }
    // A request that never runs with its target keeps no capture: nothing reads it.
    for (auto& [op, chain] : plan.requests) {
      if (chain.missing_target) chain.captures.clear();
    }
    return plan;
  }

 private:
  // A DELETE whose last segment is a parameter some request creates.
  bool Teardown(size_t op) const {
    if (api_.operations[op].method != "delete") return false;
    std::string last = ParamAt(paths_[op], paths_[op].segments.size() - 1);
    auto it = candidates_.find(op);
    return !last.empty() && it != candidates_.end() &&
           std::any_of(it->second.begin(), it->second.end(), [&](const Candidate& c) { return c.param == last; });
  }

  size_t AddCapture(size_t creator, int status, const std::string& pointer, const std::string& wanted_name) {
    std::vector<IdCapture>& captures = captures_[creator];
    for (size_t i = 0; i < captures.size(); ++i) {
      if (captures[i].status == status && captures[i].pointer == pointer) return i;
    }
    std::string name = wanted_name;
    for (int n = 2; names_.count(name); ++n) name = wanted_name + std::to_string(n);
    names_.insert(name);
    captures.push_back({name, status, pointer});
    return captures.size() - 1;
  }

  void FromLinks(size_t creator) {
    const ir::Operation& op = api_.operations[creator];
    for (const ir::Response& r : op.responses) {
      int status = SuccessCode(r.status);
      if (status == 0) continue;
      for (const ir::Link& link : r.links) {
        for (size_t target = 0; target < api_.operations.size(); ++target) {
          if (api_.operations[target].operation_id != link.operation_id || target == creator) continue;
          for (const auto& [name, expression] : link.parameters) {
            std::string param = name.rfind("path.", 0) == 0 ? name.substr(5) : name;
            static constexpr std::string_view kBody = "$response.body#/";
            if (!HasPathParam(api_.operations[target], param) || expression.rfind(kBody, 0) != 0) continue;
            size_t capture = AddCapture(creator, status, expression.substr(kBody.size() - 1), param);
            candidates_[target].push_back({param, creator, capture});
          }
        }
      }
    }
  }

  // A POST on `C` creates the id of `C/{id}` when its success body carries it.
  void FromCollectionPost(size_t creator) {
    const sema::PathTemplate& collection = paths_[creator];
    if (!collection.query.empty() || !collection.fragment.empty()) return;
    size_t depth = collection.segments.size();
    for (size_t target = 0; target < api_.operations.size(); ++target) {
      if (!SameShapePrefix(collection, paths_[target])) continue;
      std::string param = ParamAt(paths_[target], depth);
      if (param.empty() || !IdNamed(param)) continue;
      auto [status, pointer] = CreatedId(api_.operations[creator], param);
      if (status == 0) continue;
      auto& list = candidates_[target];
      bool linked = std::any_of(list.begin(), list.end(), [&](const Candidate& c) { return c.param == param; });
      if (linked) continue;
      size_t capture = AddCapture(creator, status, pointer, param);
      list.push_back({param, creator, capture});
    }
  }

  // The first success status with a JSON body that has a property `param` or `id`.
  std::pair<int, std::string> CreatedId(const ir::Operation& op, const std::string& param) const {
    for (const ir::Response& r : op.responses) {
      int status = SuccessCode(r.status);
      if (status == 0) continue;
      if (std::optional<size_t> json = sema::JsonResponseMedia(r)) {
        const ir::MediaType& m = r.content[*json];
        if (m.schema == ir::kNoSchema) continue;
        const sema::SchemaMeaning& body = meanings_.Of(meanings_.Resolve(m.schema));
        for (const std::string& name : {param, std::string("id")}) {
          bool has = std::any_of(body.properties.begin(), body.properties.end(),
                                 [&](const sema::ObjectProperty& p) { return p.name == name && !p.write_only; });
          if (has) return {status, "/" + name};
        }
      }
    }
    return {0, {}};
  }

  const sema::SchemaMeanings& meanings_;
  const ir::Api& api_;
  std::vector<sema::PathTemplate> paths_;
  std::map<size_t, std::vector<IdCapture>> captures_;
  std::map<size_t, std::vector<Candidate>> candidates_;
  std::set<std::string> names_;
};

}  // namespace

bool IdNamed(const std::string& name) {
  std::string lower = AsciiLower(name);
  return lower == "id" || (lower.size() > 2 && lower.compare(lower.size() - 2, 2, "id") == 0 &&
                           (name[name.size() - 2] == 'I' || name[name.size() - 3] == '_' || name[name.size() - 3] == '-'));
}

ChainPlan PlanChains(const sema::SchemaMeanings& meanings, const std::vector<std::vector<size_t>*>& folders) {
  Planner planner(meanings);
  planner.FindCreators();
  return planner.Plan(folders);
}

}  // namespace specc::emit
