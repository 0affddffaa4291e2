#include "cli/diag_printer.h"

#include <algorithm>
#include <ostream>
#include <tuple>
#include <vector>

#include "base/json_writer.h"
#include "base/secret_scan.h"
#include "base/utf8.h"
#include "base/workflow_command.h"
#include "cli/explain_texts.h"
#include "cli/sarif.h"

namespace specc::cli {
namespace {

struct Placed {
  const Diagnostic* diagnostic;
  std::string path;
  LineCol pos;
};

std::string PathOf(const SourceMap& sources, Loc loc) {
  return loc.known() ? sources.path(loc.file) : std::string();
}

// JSON severities are the seed's: info|warn|error.
const char* JsonSeverity(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warn";
    case Severity::kNote:
      return "info";
  }
  return "error";
}

// A source line under which a caret is drawn byte by byte: each unsafe character becomes
// a replacement of the same byte length (`?`, or U+FFFD for a three-byte one), so the
// caret stays under its column.
std::string SameWidthVisible(std::string_view line) {
  std::string out(line);
  for (size_t i = 0; i < out.size(); ++i) {
    size_t unsafe = UnsafeCharLength(out, i);
    if (unsafe == 1) out[i] = '?';
    if (unsafe == 3) out.replace(i, 3, "\xEF\xBF\xBD");
    if (unsafe > 0) i += unsafe - 1;
  }
  return out;
}

// `shown` (a part of `line` from `start`) with every secret-shaped span masked by `*` of
// the same length: a diagnostic about a secret in a spec shows where it is, never what it
// is. Scans a margin around the part, not the whole line (minified JSON is one line), so
// that a token cut by the part's edge is still recognised.
std::string MaskSecrets(std::string_view line, size_t start, std::string_view shown) {
  constexpr size_t kMargin = 4096;
  size_t from = start > kMargin ? start - kMargin : 0;
  std::string_view window = line.substr(from, start - from + shown.size() + kMargin);
  std::string out(shown);
  for (const SecretHit& hit : ScanForSecrets(window)) {
    size_t begin = std::max(from + hit.offset, start), end = std::min(from + hit.offset + hit.length, start + shown.size());
    if (begin < end) out.replace(begin - start, end - begin, end - begin, '*');
  }
  return out;
}

void PrintText(const Diagnostic& d, const SourceMap& sources, std::ostream& out, bool is_note) {
  LineCol pos = sources.Position(d.loc);
  if (d.loc.known()) {
    out << sources.path(d.loc.file) << ':' << pos.line << ':' << pos.column << ": ";
  } else {
    out << "specc: ";
  }
  out << SeverityName(d.severity) << ": " << VisibleText(d.message);
  if (!is_note) out << " [" << DiagCodeName(d.code) << ']';
  out << '\n';
  if (d.loc.known()) {
    std::string line_text = sources.LineText(d.loc);
    std::string_view line = line_text;
    // Long lines (minified JSON) are cut around the column so the caret stays readable.
    size_t start = 0;
    size_t column = pos.column - 1;
    if (line.size() > 160 && column > 60) start = column - 60;
    std::string_view shown = line.substr(start, 160);
    std::string number = std::to_string(pos.line);
    out << ' ' << number << " | " << (start > 0 ? "..." : "") << SameWidthVisible(MaskSecrets(line, start, shown))
        << (start + 160 < line.size() ? "..." : "") << '\n';
    out << ' ' << std::string(number.size(), ' ') << " | " << (start > 0 ? "   " : "");
    for (size_t i = start; i < column && i < line.size(); ++i) out << (line[i] == '\t' ? '\t' : ' ');
    out << "^\n";
  }
  if (!d.hint.empty()) out << "  hint: " << VisibleText(d.hint) << '\n';
  for (const Diagnostic& note : d.notes) PrintText(note, sources, out, true);
}

SarifLevel SarifLevelOf(Severity severity) {
  return severity == Severity::kError ? SarifLevel::kError
         : severity == Severity::kWarning ? SarifLevel::kWarning
                                          : SarifLevel::kNote;
}

SarifLocation SarifPlace(const SourceMap& sources, Loc loc, std::string message) {
  LineCol pos = sources.Position(loc);
  return SarifLocation{PathOf(sources, loc), loc.known() ? pos.line : 0u, loc.known() ? pos.column : 0u,
                       std::move(message)};
}

// One result per diagnostic; one rule per code met, described by `specc explain`'s title.
// A diagnostic with no place (a usage problem) has no location: code scanning lists it
// without a line.
std::string SarifOf(const std::vector<Placed>& placed, const SourceMap& sources) {
  SarifLog log;
  log.tool_name = "specc";
  for (const Placed& p : placed) {
    const Diagnostic& d = *p.diagnostic;
    std::string id(DiagCodeName(d.code));
    bool known = std::any_of(log.rules.begin(), log.rules.end(), [&](const SarifRule& r) { return r.id == id; });
    if (!known) {
      const Explanation* e = FindExplanation(id);
      log.rules.push_back(SarifRule{id, e != nullptr ? std::string(e->title) : id, SarifLevelOf(d.severity)});
    }
    SarifResult result;
    result.rule_id = id;
    result.level = SarifLevelOf(d.severity);
    result.message = VisibleText(d.message + (d.hint.empty() ? "" : " (hint: " + d.hint + ")"));
    if (d.loc.known()) result.location = SarifPlace(sources, d.loc, {});
    for (const Diagnostic& note : d.notes) {
      if (note.loc.known()) result.related.push_back(SarifPlace(sources, note.loc, VisibleText(note.message)));
    }
    // Not the line: an edit above a problem must not make code scanning see a new alert.
    result.identity = id + "\n" + p.path + "\n" + d.message;
    log.results.push_back(std::move(result));
  }
  std::sort(log.rules.begin(), log.rules.end(), [](const SarifRule& a, const SarifRule& b) { return a.id < b.id; });
  return WriteSarif(log);
}

}  // namespace

bool ParseOutputFormat(const std::string& name, OutputFormat* format) {
  if (name == "text") {
    *format = OutputFormat::kText;
  } else if (name == "json") {
    *format = OutputFormat::kJson;
  } else if (name == "github") {
    *format = OutputFormat::kGithub;
  } else if (name == "sarif") {
    *format = OutputFormat::kSarif;
  } else {
    return false;
  }
  return true;
}

void PrintDiagnostics(const DiagSink& sink, const SourceMap& sources, OutputFormat format,
                      std::ostream& out) {
  std::vector<Placed> placed;
  for (const Diagnostic& d : sink.diagnostics()) {
    placed.push_back(Placed{&d, PathOf(sources, d.loc), sources.Position(d.loc)});
  }
  auto key = [](const Placed& p) {
    return std::make_tuple(std::string_view(p.path), p.pos.line, p.pos.column,
                           DiagCodeName(p.diagnostic->code), std::string_view(p.diagnostic->message));
  };
  std::stable_sort(placed.begin(), placed.end(),
                   [&](const Placed& a, const Placed& b) { return key(a) < key(b); });
  placed.erase(std::unique(placed.begin(), placed.end(),
                           [&](const Placed& a, const Placed& b) { return key(a) == key(b); }),
               placed.end());

  if (format == OutputFormat::kJson) {
    JsonWriter json;
    json.BeginObject().Key("diagnostics").BeginArray();
    for (const Placed& p : placed) {
      const Diagnostic& d = *p.diagnostic;
      json.BeginObject();
      json.Key("code").String(DiagCodeName(d.code));
      json.Key("severity").String(JsonSeverity(d.severity));
      json.Key("message").String(d.message);
      json.Key("file").String(p.path);
      json.Key("line").Int(p.pos.line);
      json.Key("column").Int(p.pos.column);
      json.Key("hint").String(d.hint);
      json.EndObject();
    }
    json.EndArray();
    // Past DiagSink::kMaxDiagnostics the rest are counted, not kept: say how many.
    json.Key("notShown").Int(static_cast<int64_t>(sink.dropped_count()));
    json.EndObject();
    out << json.Finish();
    return;
  }
  if (format == OutputFormat::kSarif) {
    out << SarifOf(placed, sources);
    return;
  }
  if (format == OutputFormat::kGithub) {
    for (const Placed& p : placed) {
      const Diagnostic& d = *p.diagnostic;
      const char* level = d.severity == Severity::kError ? "error" : d.severity == Severity::kWarning ? "warning" : "notice";
      std::string message = VisibleText(d.message + (d.hint.empty() ? "" : " (hint: " + d.hint + ")"));
      out << "::" << level << " file=" << p.path << ",line=" << p.pos.line << ",col=" << p.pos.column
          << ",title=" << DiagCodeName(d.code) << "::" << GithubData(message) << '\n';
    }
    return;
  }
  for (const Placed& p : placed) PrintText(*p.diagnostic, sources, out, false);
  // The footer counts what was printed: a diagnostic reported twice at one place (two
  // stages meeting the same problem) was printed once.
  size_t errors = 0, warnings = 0;
  for (const Placed& p : placed) {
    errors += p.diagnostic->severity == Severity::kError;
    warnings += p.diagnostic->severity == Severity::kWarning;
  }
  if (errors + warnings > 0) {
    out << errors << (errors == 1 ? " error" : " errors") << ", " << warnings
        << (warnings == 1 ? " warning" : " warnings");
    if (sink.dropped_count() > 0) out << " (" << sink.dropped_count() << " more not shown)";
    out << '\n';
  }
}

}  // namespace specc::cli
