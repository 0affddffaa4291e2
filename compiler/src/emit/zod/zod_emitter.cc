#include "emit/zod/zod_emitter.h"

#include <algorithm>
#include <functional>
#include <set>

#include "emit/escape.h"
#include "emit/namer.h"
#include "emit/render.h"
#include "emit/template_set.h"
#include "emit/ts_names.h"
#include "emit/zod/zod_inputs.h"
#include "emit/zod/zod_writer.h"

namespace specc::emit {
namespace {

constexpr std::string_view kId = "zod";

// ---- The module ----

// Calls `visit` with every named component schema `id`'s zod expression refers to by name
// (through inline schemas, not through other named ones). Read from the schemas' meanings,
// as ZodWriter writes them: a merged allOf branch's properties are written out in place, so
// it is not referred to (which is what breaks `Cat: allOf [Pet]` / `Pet: oneOf [Cat]`).
void ForEachNamedRef(const sema::SchemaMeanings& meanings, ir::SchemaId id,
                     const std::function<void(ir::SchemaId)>& visit) {
  const ir::Api& api = meanings.api();
  std::vector<ir::SchemaId> stack;
  std::set<ir::SchemaId> seen{id};
  auto push = [&](ir::SchemaId child) {
    if (child == ir::kNoSchema) return;
    if (!api.schemas[child].name.empty()) {
      visit(child);
      return;
    }
    if (seen.insert(child).second) stack.push_back(child);
  };
  auto children = [&](ir::SchemaId at) {
    const ir::Schema& s = api.schemas[at];
    const sema::SchemaMeaning& m = meanings.Of(at);
    if (m.alias_of != ir::kNoSchema) {
      push(m.alias_of);
      return;
    }
    for (const sema::ObjectProperty& p : m.properties) {
      push(p.schema);
      for (ir::SchemaId also : p.also) push(also);
    }
    for (const auto& [pattern, schema] : m.pattern_properties) push(schema);
    push(m.additional_properties_schema);
    push(s.items);
    for (ir::SchemaId c : s.prefix_items()) push(c);
    for (ir::SchemaId c : m.intersect) push(c);
    for (const auto* choice : {&m.one_of, &m.any_of}) {
      if (*choice) {
        for (ir::SchemaId c : (*choice)->branches) push(c);
      }
    }
    push(s.not_schema());
  };
  children(id);
  while (!stack.empty()) {
    ir::SchemaId next = stack.back();
    stack.pop_back();
    children(next);
  }
}

// Orders the named components so each comes after the ones it references (a `const`
// cannot be used before its declaration runs) and marks the members of reference cycles,
// which are declared with explicit types and z.lazy. Tarjan's algorithm, iterative, started
// from components in document order, so the order is deterministic.
void OrderComponents(const sema::SchemaMeanings& meanings, std::vector<ir::SchemaId>* order,
                     std::vector<bool>* cyclic) {
  const ir::Api& api = meanings.api();
  size_t n = api.schemas.size();
  std::vector<std::vector<ir::SchemaId>> edges(n);
  std::vector<bool> self_loop(n, false);
  for (ir::SchemaId id : api.component_schemas) {
    ForEachNamedRef(meanings, id, [&](ir::SchemaId to) {
      if (to == id) self_loop[id] = true;
      if (std::find(edges[id].begin(), edges[id].end(), to) == edges[id].end()) {
        edges[id].push_back(to);
      }
    });
  }
  cyclic->assign(n, false);
  std::vector<int> index(n, -1), low(n, 0);
  std::vector<bool> on_stack(n, false);
  std::vector<ir::SchemaId> stack;
  int counter = 0;
  struct Frame {
    ir::SchemaId id;
    size_t next;
  };
  for (ir::SchemaId root : api.component_schemas) {
    if (index[root] >= 0) continue;
    std::vector<Frame> frames{{root, 0}};
    index[root] = low[root] = counter++;
    stack.push_back(root);
    on_stack[root] = true;
    while (!frames.empty()) {
      Frame& f = frames.back();
      if (f.next < edges[f.id].size()) {
        ir::SchemaId to = edges[f.id][f.next++];
        if (index[to] < 0) {
          index[to] = low[to] = counter++;
          stack.push_back(to);
          on_stack[to] = true;
          frames.push_back({to, 0});
        } else if (on_stack[to]) {
          low[f.id] = std::min(low[f.id], index[to]);
        }
        continue;
      }
      ir::SchemaId id = f.id;
      frames.pop_back();
      if (!frames.empty()) low[frames.back().id] = std::min(low[frames.back().id], low[id]);
      if (low[id] != index[id]) continue;
      std::vector<ir::SchemaId> component;
      while (true) {
        ir::SchemaId member = stack.back();
        stack.pop_back();
        on_stack[member] = false;
        component.push_back(member);
        if (member == id) break;
      }
      std::sort(component.begin(), component.end());
      for (ir::SchemaId member : component) {
        (*cyclic)[member] = component.size() > 1 || self_loop[member];
        order->push_back(member);
      }
    }
  }
}

class ZodEmitter final : public Emitter {
 public:
  std::string_view id() const override { return kId; }
  void Emit(const EmitContext& ctx, OutputSet& out) const override;
};

void ZodEmitter::Emit(const EmitContext& ctx, OutputSet& out) const {
  for (const ApiInput& input : ctx.apis) {
    const ir::Api& api = *input.api;
    const sema::SchemaMeanings& meanings = *input.meanings;
    TsNames names = NameTsSymbols(meanings);
    std::vector<ir::SchemaId> order;
    std::vector<bool> cyclic;
    OrderComponents(meanings, &order, &cyclic);
    ZodWriter w(meanings, names, cyclic);
    ZodInputs inputs(meanings, w);
    View view;
    view.Set("source", LineComment(input.source));
    view.Set("title", LineComment(api.title));
    View schemas = View::List();
    for (ir::SchemaId id : order) {
      const ir::Schema& s = api.schemas[id];
      View item;
      item.Set("name", names.schemas[id]);
      std::string note = s.read_only ? "@readonly" : s.write_only ? "@writeonly" : "";
      if (s.deprecated) note += (note.empty() ? "" : "\n") + std::string("@deprecated");
      std::string doc = JsDoc(s.description.empty() ? s.title : s.description, 0, note);
      if (!doc.empty()) doc.pop_back();
      item.Set("doc", doc);
      item.Set("recursive", static_cast<bool>(cyclic[id]));
      item.Set("zod", w.Inline(id, 0));
      if (cyclic[id]) item.Set("ts_type", w.TypeInline(id, 0));
      schemas.Add(std::move(item));
    }
    view.Set("schemas", std::move(schemas));
    View operations = View::List();
    for (size_t i = 0; i < api.operations.size(); ++i) {
      const ir::Operation& op = api.operations[i];
      const OperationNames& n = names.operations[i];
      View o;
      std::string upper = op.method;
      for (char& c : upper) c = static_cast<char>(c - 'a' + 'A');
      o.Set("comment", LineComment(upper + " " + op.path));
      View parts = View::List();
      for (InputPart part : kInputParts) {
        const std::string& name = n.parts[static_cast<int>(part)];
        if (name.empty()) continue;
        std::string expr;
        if (part == InputPart::kBody) {
          expr = inputs.Body(op, n);
        } else {
          ir::ParamIn in = part == InputPart::kParams ? ir::ParamIn::kPath
                           : part == InputPart::kQuery ? ir::ParamIn::kQuery
                           : part == InputPart::kHeaders ? ir::ParamIn::kHeader
                                                         : ir::ParamIn::kCookie;
          expr = inputs.Parameters(op, n, in);
        }
        View pv;
        pv.Set("name", name);
        pv.Set("zod", expr);
        parts.Add(std::move(pv));
      }
      for (size_t r = 0; r < op.responses.size(); ++r) {
        const ResponseNames& rn = n.responses[r];
        if (!rn.declared) continue;
        View pv;
        pv.Set("name", rn.schema);
        pv.Set("zod", w.Inline(op.responses[r].content[*rn.json_media].schema, 0));
        parts.Add(std::move(pv));
      }
      if (parts.size() == 0) continue;
      o.Set("parts", std::move(parts));
      operations.Add(std::move(o));
    }
    view.Set("operations", std::move(operations));
    View sent = View::List();
    auto add_sent = [&](const std::vector<ir::Operation>& ops, const std::vector<std::string>& bodies) {
      for (size_t i = 0; i < ops.size(); ++i) {
        if (bodies[i].empty()) continue;
        const ir::Operation& op = ops[i];
        size_t media = 0;
        std::string target;
        PickBodyMedia(meanings, *op.request_body, &media, &target);
        std::string upper = op.method;
        for (char& c : upper) c = static_cast<char>(c - 'a' + 'A');
        View item;
        std::string comment = op.kind == ir::OperationKind::kWebhook ? "webhook " + op.path + ": " + upper
                                                                     : "callback " + op.callback_name;
        if (op.kind == ir::OperationKind::kCallback) {
          if (op.parent >= 0) comment += " of " + api.operations[static_cast<size_t>(op.parent)].operation_id;
          comment += ": " + upper + " " + op.path;
        }
        item.Set("comment", LineComment(comment));
        item.Set("name", bodies[i]);
        item.Set("zod", w.Ref(op.request_body->content[media].schema, 0));
        sent.Add(std::move(item));
      }
    };
    add_sent(api.webhooks, names.webhook_bodies);
    add_sent(api.callbacks, names.callback_bodies);
    view.Set("sent", std::move(sent));
    view.Set("uses_required_sets", w.uses_required_sets());
    view.Set("uses_object_keys", w.uses_object_keys());
    view.Set("uses_fields", inputs.uses_fields());
    view.Set("uses_text_readings", inputs.uses_text_readings());
    view.Set("uses_formats", w.uses_formats());
    std::optional<std::string> text = Render(ctx.templates, kId, "zod/schemas.ts.mustache", std::move(view), ctx.diags);
    if (!text) return;
    out.Put(input.service + "/schemas.ts", std::move(*text));
  }
}

}  // namespace

std::unique_ptr<Emitter> NewZodEmitter() { return std::make_unique<ZodEmitter>(); }

}  // namespace specc::emit
