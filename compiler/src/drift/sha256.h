// A small SHA-256 (FIPS 180-4), std only. The drift engine hashes the bytes specc wrote
// so that the manifest can tell specc's own files from hand-edited ones without keeping
// a copy of every file.
#ifndef SPECC_DRIFT_SHA256_H_
#define SPECC_DRIFT_SHA256_H_

#include <string>
#include <string_view>

namespace specc::drift {

// Returns the SHA-256 digest of `data` as 64 lowercase hex digits.
std::string Sha256Hex(std::string_view data);

}  // namespace specc::drift

#endif  // SPECC_DRIFT_SHA256_H_
