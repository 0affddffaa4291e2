#include "drift/diff.h"

#include <dtl/dtl.hpp>
#include <sstream>
#include <vector>

namespace specc::drift {
namespace {

// Splits into lines without their '\n'. A last line without a newline is marked, so that
// adding the final newline shows up as a change, as in `git diff`.
std::vector<std::string> Lines(const std::optional<std::string>& text) {
  std::vector<std::string> lines;
  if (!text || text->empty()) return lines;
  size_t start = 0;
  while (start < text->size()) {
    size_t end = text->find('\n', start);
    if (end == std::string::npos) {
      lines.push_back(text->substr(start) + "\n\\ No newline at end of file");
      break;
    }
    lines.push_back(text->substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

}  // namespace

LineCounts CountChangedLines(const std::optional<std::string>& before,
                             const std::optional<std::string>& after) {
  LineCounts counts;
  if (before == after) return counts;
  std::vector<std::string> a = Lines(before), b = Lines(after);
  if (a.empty() || b.empty()) {
    counts.removed = a.size();
    counts.added = b.size();
    return counts;
  }
  dtl::Diff<std::string> diff(a, b);
  diff.onHuge();
  diff.compose();
  for (const auto& [line, info] : diff.getSes().getSequence()) {
    if (info.type == dtl::SES_ADD) ++counts.added;
    if (info.type == dtl::SES_DELETE) ++counts.removed;
  }
  return counts;
}

std::string FormatDiffSummary(const LineCounts& counts) {
  return "+" + std::to_string(counts.added) + " -" + std::to_string(counts.removed);
}

std::string UnifiedDiff(const std::string& path, const std::optional<std::string>& before,
                        const std::optional<std::string>& after) {
  if (before == after) return {};
  std::vector<std::string> a = Lines(before), b = Lines(after);
  std::ostringstream out;
  out << "--- " << (before ? "a/" + path : std::string("/dev/null")) << '\n';
  out << "+++ " << (after ? "b/" + path : std::string("/dev/null")) << '\n';
  if (a == b) return out.str();
  dtl::Diff<std::string> diff(a, b);
  diff.onHuge();
  diff.compose();
  diff.composeUnifiedHunks();
  diff.printUnifiedFormat(out);
  return out.str();
}

}  // namespace specc::drift
