#include "base/diagnostic.h"

#include <array>

namespace specc {
namespace {

struct CodeInfo {
  std::string_view name;
  Severity severity;
};

constexpr std::array kCodeInfo = {
#define SPECC_DIAG(name, text, severity) CodeInfo{text, Severity::severity},
#include "base/diag_codes.def"
#undef SPECC_DIAG
};

}  // namespace

std::string_view DiagCodeName(DiagCode code) {
  return kCodeInfo[static_cast<size_t>(code)].name;
}

Severity DefaultSeverity(DiagCode code) {
  return kCodeInfo[static_cast<size_t>(code)].severity;
}

const std::vector<DiagCode>& AllDiagCodes() {
  static const std::vector<DiagCode> codes = [] {
    std::vector<DiagCode> all;
    for (size_t i = 0; i < kCodeInfo.size(); ++i) all.push_back(static_cast<DiagCode>(i));
    return all;
  }();
  return codes;
}

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kNote:
      return "note";
  }
  return "error";
}

}  // namespace specc
