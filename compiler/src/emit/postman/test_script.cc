#include "emit/postman/test_script.h"

#include <algorithm>

#include "base/json_writer.h"
#include "emit/json_schema.h"
#include "sema/response_body.h"

namespace specc::emit {
namespace {

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return s;
}

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

std::string Quote(std::string_view text) {
  JsonWriter w(0);
  w.String(text);
  std::string out = w.Finish();
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

// The statuses a request expects, as exact codes and classes ("2" for 2XX).
struct Expected {
  std::vector<std::string> codes, classes;
  std::string Label() const {
    std::string label = Join(codes);
    for (const std::string& c : classes) label += (label.empty() ? "" : ", ") + c + "XX";
    return label;
  }
};

void AddStatus(const ir::Response& r, Expected& e) {
  int code = StatusCode(r.status);
  if (code == 0) return;
  if (Upper(r.status).substr(1) == "XX") {
    e.classes.push_back(std::to_string(code / 100));
  } else {
    e.codes.push_back(std::to_string(code));
  }
}

void ExpectStatus(const Expected& e, const std::string& why, std::vector<std::string>& exec) {
  exec.push_back("pm.test(" + Quote("status is " + e.Label() + " (" + why + ")") + ", function () {");
  exec.push_back("  const code = pm.response.code;");
  exec.push_back("  pm.expect([" + Join(e.codes) + "].includes(code) || [" + Join(e.classes) +
                 "].includes(Math.floor(code / 100)), \"status \" + code).to.be.true;");
  exec.push_back("});");
}

void JsonParses(std::vector<std::string>& exec) {
  exec.push_back("pm.test(\"a JSON body parses\", function () {");
  exec.push_back("  const type = pm.response.headers.get(\"Content-Type\") || \"\";");
  // JSON as sema/media_type.h reads it (the generated server's test too): not a type
  // that merely contains "json", such as a stream of JSON texts (application/x-ndjson).
  exec.push_back("  const essence = type.split(\";\")[0].trim();");
  exec.push_back("  if (/^application\\/([\\w.-]+\\+)?json$/i.test(essence) && pm.response.text().length > 0) {");
  exec.push_back("    pm.expect(() => pm.response.json()).to.not.throw();");
  exec.push_back("  }");
  exec.push_back("});");
}

// The JSON body schema of `r`, or kNoSchema.
ir::SchemaId JsonSchemaOf(const ir::Response& r) {
  std::optional<size_t> json = sema::JsonResponseMedia(r);
  return json ? r.content[*json].schema : ir::kNoSchema;
}

}  // namespace

int StatusCode(const std::string& status) {
  if (status.size() != 3 || status[0] < '1' || status[0] > '5') return 0;
  if (Upper(status.substr(1)) == "XX") return (status[0] - '0') * 100;
  int code = 0;
  for (char c : status) {
    if (c < '0' || c > '9') return 0;
    code = code * 10 + (c - '0');
  }
  return code;
}

std::vector<std::string> DocumentedStatusScript(const ir::Operation& op) {
  Expected documented;
  bool any = op.responses.empty();
  for (const ir::Response& r : op.responses) {
    if (StatusCode(r.status) == 0) any = true;
    AddStatus(r, documented);
  }
  std::vector<std::string> exec;
  if (any) {
    exec.push_back("pm.test(\"status code is documented (" +
                   std::string(op.responses.empty() ? "no responses documented" : "default response") +
                   ")\", function () {");
    exec.push_back("  pm.expect(pm.response.code).to.be.within(100, 599);");
    exec.push_back("});");
  } else {
    exec.push_back("pm.test(\"status code is documented (" + documented.Label() + ")\", function () {");
    exec.push_back("  const code = pm.response.code;");
    exec.push_back("  pm.expect([" + Join(documented.codes) + "].includes(code) || [" + Join(documented.classes) +
                   "].includes(Math.floor(code / 100)), \"status \" + code + \" is not documented\").to.be.true;");
    exec.push_back("});");
  }
  JsonParses(exec);
  return exec;
}

RunScripts::RunScripts(const ir::Api& api) : api_(api), keys_(ComponentKeys(api)) {}

std::string RunScripts::SchemaOf(ir::SchemaId id) {
  CollectNamedSchemas(api_, id, &named_, &reached_);
  SchemaWriterOptions options{SchemaDialect::kJsonSchema2020, "#/$defs/", &keys_};
  JsonWriter w(0);
  WriteJsonSchema(api_, id, options, false, w);
  std::string text = w.Finish();
  if (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

std::string RunScripts::Definitions() const {
  SchemaWriterOptions options{SchemaDialect::kJsonSchema2020, "#/$defs/", &keys_};
  JsonWriter w(0);
  w.BeginObject();
  for (ir::SchemaId id : named_) {
    w.Key(keys_[id]);
    WriteJsonSchema(api_, id, options, true, w);
  }
  w.EndObject();
  std::string text = w.Finish();
  if (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

std::vector<std::string> RunScripts::Script(const ir::Operation& op, const RequestChain& chain) {
  // What to expect: the documented 404 when the target cannot exist; else the documented
  // successes (2xx; else the redirects an operation documents instead; else any 2xx).
  std::vector<const ir::Response*> expected;
  std::string why;
  if (chain.missing_target) {
    for (const ir::Response& r : op.responses) {
      if (r.status == "404") expected.push_back(&r);
    }
    why = "no earlier request creates the target";
  }
  if (expected.empty() && chain.missing_target) return DocumentedStatusScript(op);
  if (expected.empty()) {
    for (char family : {'2', '3'}) {
      for (const ir::Response& r : op.responses) {
        if (!r.status.empty() && r.status[0] == family && StatusCode(r.status) != 0) expected.push_back(&r);
      }
      if (!expected.empty()) break;
    }
    why = "the documented success";
  }
  Expected e;
  for (const ir::Response* r : expected) AddStatus(*r, e);
  if (e.codes.empty() && e.classes.empty()) e.classes.push_back("2");
  std::vector<std::string> exec;
  ExpectStatus(e, why, exec);
  JsonParses(exec);
  // The body against its schema, for each expected exact status with a JSON schema.
  bool defs_read = false;
  for (const ir::Response* r : expected) {
    ir::SchemaId schema = JsonSchemaOf(*r);
    int code = StatusCode(r->status);
    if (schema == ir::kNoSchema || Upper(r->status).substr(1) == "XX") continue;
    std::string text = SchemaOf(schema);
    if (text.empty() || text.front() != '{') continue;  // boolean schemas: nothing to check
    if (!defs_read) {
      exec.push_back("const speccDefs = JSON.parse(pm.collectionVariables.get(\"" + std::string(kSchemasVariable) +
                     "\") || \"{}\");");
      defs_read = true;
    }
    exec.push_back("if (pm.response.code === " + std::to_string(code) + ") {");
    exec.push_back("  pm.test(" + Quote("the body matches the " + r->status + " response's schema") +
                   ", function () {");
    exec.push_back("    pm.response.to.have.jsonSchema(Object.assign({ $defs: speccDefs }, " + text +
                   "), { unknownFormats: \"ignore\" });");
    exec.push_back("  });");
    exec.push_back("}");
  }
  // The ids later requests use.
  for (const IdCapture& c : chain.captures) {
    std::vector<std::string> tokens;
    std::string token;
    for (size_t i = 1; i <= c.pointer.size(); ++i) {
      if (i == c.pointer.size() || c.pointer[i] == '/') {
        size_t at;
        while ((at = token.find("~1")) != std::string::npos) token.replace(at, 2, "/");
        while ((at = token.find("~0")) != std::string::npos) token.replace(at, 2, "~");
        tokens.push_back(Quote(token));
        token.clear();
      } else {
        token.push_back(c.pointer[i]);
      }
    }
    exec.push_back("if (pm.response.code === " + std::to_string(c.status) + ") {");
    exec.push_back("  pm.test(" + Quote("the body carries `" + c.pointer + "` for `" + c.variable + "`") +
                   ", function () {");
    exec.push_back("    const value = [" + Join(tokens) +
                   "].reduce((v, k) => (v === null || v === undefined ? undefined : v[k]), pm.response.json());");
    exec.push_back("    pm.expect(value).to.not.be.oneOf([undefined, null, \"\"]);");
    exec.push_back("    pm.collectionVariables.set(" + Quote(c.variable) + ", String(value));");
    exec.push_back("  });");
    exec.push_back("}");
  }
  return exec;
}

}  // namespace specc::emit
