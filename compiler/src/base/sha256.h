// A small SHA-256 (FIPS 180-4), std only. The drift engine hashes the bytes specc wrote
// so that the manifest can tell specc's own files from hand-edited ones without keeping
// a copy of every file; the env emitter derives `secretRefHash` (seed 002 FR-023) from a
// secret's name and environment, never from a value.
#ifndef SPECC_BASE_SHA256_H_
#define SPECC_BASE_SHA256_H_

#include <string>
#include <string_view>

namespace specc {

// Returns the SHA-256 digest of `data` as 64 lowercase hex digits.
// Uses the CPU's SHA instructions when it has them (x86-64).
std::string Sha256Hex(std::string_view data);

// The same digest computed without them, so that a test can compare the two paths.
std::string Sha256HexPortable(std::string_view data);

}  // namespace specc

#endif  // SPECC_BASE_SHA256_H_
