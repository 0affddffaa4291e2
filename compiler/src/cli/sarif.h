// SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), the log GitHub code
// scanning reads. Any command can describe what it found as a SarifLog and print it with
// WriteSarif; `specc diff --format sarif` is the first (lint and check may follow).
#ifndef SPECC_CLI_SARIF_H_
#define SPECC_CLI_SARIF_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace specc::cli {

enum class SarifLevel { kError, kWarning, kNote };

struct SarifRule {
  std::string id;
  std::string short_description;
  SarifLevel default_level = SarifLevel::kWarning;
};

struct SarifLocation {
  std::string uri;      // relative to the repository root, with '/'
  uint32_t line = 0;    // 1-based; 0 leaves the region out
  uint32_t column = 0;  // 1-based; 0 leaves it out
  std::string message;  // for related locations; empty otherwise
};

struct SarifResult {
  std::string rule_id;  // one of SarifLog::rules
  SarifLevel level = SarifLevel::kWarning;
  std::string message;
  std::optional<SarifLocation> location;
  std::vector<SarifLocation> related;
  // A stable identity of the result across runs (code scanning tracks alerts by it);
  // hashed into partialFingerprints. Empty leaves it to the consumer.
  std::string identity;
  // Set when the result was accepted on purpose: written as an external suppression
  // with this justification.
  std::optional<std::string> suppression;
};

struct SarifLog {
  std::string tool_name;
  std::string tool_version;
  std::string information_uri;
  std::vector<SarifRule> rules;
  std::vector<SarifResult> results;
};

// Returns the log as a SARIF 2.1.0 JSON document, valid against the official schema.
// REQUIRES: each result's rule_id names one of `log.rules`.
std::string WriteSarif(const SarifLog& log);

}  // namespace specc::cli

#endif  // SPECC_CLI_SARIF_H_
