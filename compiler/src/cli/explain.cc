// `specc explain [CODE]`: what a diagnostic code means, with a file that draws it and the
// same file fixed. The texts are in explain_texts*.cc; this file only looks them up and
// prints them.
#include <algorithm>
#include <cctype>
#include <ostream>
#include <string>

#include "base/diagnostic.h"
#include "base/json_writer.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/explain_texts.h"
#include "openapi/suggest.h"

namespace specc::cli {
namespace {

// The default severity diag_codes.def gives `code`; "error" for a code it lacks (the
// explain test keeps the table and the registry in step).
std::string_view SeverityOf(std::string_view code) {
  for (DiagCode c : AllDiagCodes()) {
    if (DiagCodeName(c) == code) return SeverityName(DefaultSeverity(c));
  }
  return SeverityName(Severity::kError);
}

std::string Indented(std::string_view text) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (line_start && c != '\n') out += "    ";
    out += c;
    line_start = c == '\n';
  }
  if (!out.empty() && out.back() != '\n') out += '\n';
  return out;
}

void PrintText(const Explanation& e, std::ostream& out) {
  out << e.code << " (" << SeverityOf(e.code) << "): " << e.title << "\n\n"
      << e.description << "\n\n"
      << "Wrong (" << e.wrong.file << "):\n\n"
      << Indented(e.wrong.text) << "\n"
      << "Right (" << e.right.file << "):\n\n"
      << Indented(e.right.text);
}

void PrintJson(const Explanation& e, std::ostream& out) {
  JsonWriter json;
  json.BeginObject();
  json.Key("code").String(e.code);
  json.Key("severity").String(SeverityOf(e.code));
  json.Key("title").String(e.title);
  json.Key("description").String(e.description);
  for (const auto& [key, example] : {std::pair{"wrong", &e.wrong}, std::pair{"right", &e.right}}) {
    json.Key(key).BeginObject();
    json.Key("file").String(example->file);
    json.Key("text").String(example->text);
    json.EndObject();
  }
  json.EndObject();
  out << json.Finish();
}

void PrintList(const CommandContext& ctx) {
  if (ctx.format == OutputFormat::kJson) {
    JsonWriter json;
    json.BeginArray();
    for (const Explanation& e : Explanations()) {
      json.BeginObject().Key("code").String(e.code);
      json.Key("severity").String(SeverityOf(e.code)).Key("title").String(e.title).EndObject();
    }
    json.EndArray();
    ctx.out << json.Finish();
    return;
  }
  size_t width = 0;
  for (const Explanation& e : Explanations()) width = std::max(width, e.code.size());
  for (const Explanation& e : Explanations()) {
    ctx.out << e.code << std::string(width + 2 - e.code.size(), ' ') << e.title << "\n";
  }
  ctx.out << "\nrun `specc explain CODE` for a description with a wrong and a right example\n";
}

}  // namespace

int RunExplain(const std::string& code, const CommandContext& ctx) {
  if (code.empty()) {
    PrintList(ctx);
    return kExitClean;
  }
  const Explanation* e = FindExplanation(code);
  if (e == nullptr) {
    std::string upper = code;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    std::vector<std::string_view> names;
    for (const Explanation& known : Explanations()) names.push_back(known.code);
    std::string_view closest = openapi::ClosestMatch(upper, names);
    ctx.err << "specc explain: unknown code `" << code << "`"
            << (closest.empty() ? "" : "; did you mean `" + std::string(closest) + "`?") << "\n"
            << "  run `specc explain` for the list of codes\n";
    return kExitUsage;
  }
  if (ctx.format == OutputFormat::kJson) {
    PrintJson(*e, ctx.out);
  } else {
    PrintText(*e, ctx.out);
  }
  return kExitClean;
}

}  // namespace specc::cli
