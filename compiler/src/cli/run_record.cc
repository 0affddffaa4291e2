#include "cli/run_record.h"

#include <sys/stat.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "base/path.h"
#include "base/sha256.h"

namespace specc::cli {
namespace {

// A file changed this close to the start of a run (or after it) may have changed again
// within the same timestamp tick after the run read it, so its stat data proves nothing
// (git's "racy clean" problem). Two seconds cover file systems with one-second times.
constexpr int64_t kRacyWindowNs = 2'000'000'000;

int64_t Ns(const struct timespec& t) { return static_cast<int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec; }

// "stat <dev> <ino> <mode> <size> <mtime ns> <ctime ns>", "absent", or "" when stat fails
// otherwise (no witness).
std::string StatWitness(const std::string& path, bool follow_links) {
  struct stat st;
  int rc = follow_links ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st);
  if (rc != 0) return errno == ENOENT || errno == ENOTDIR ? "absent" : "";
  std::ostringstream out;
  out << "stat " << st.st_dev << ' ' << st.st_ino << ' ' << st.st_mode << ' ' << st.st_size << ' '
      << Ns(st.st_mtim) << ' ' << Ns(st.st_ctim);
  return out.str();
}

// True when stat data `witness`, recorded by a run that started at `started_ns`, is old
// enough to vouch for the bytes that run read.
bool Trusted(const std::string& witness, int64_t started_ns) {
  if (witness == "absent") return true;
  if (witness.rfind("stat ", 0) != 0) return false;
  std::istringstream in(witness.substr(5));
  uint64_t dev = 0, ino = 0, mode = 0, size = 0;
  int64_t mtime = 0, ctime = 0;
  if (!(in >> dev >> ino >> mode >> size >> mtime >> ctime)) return false;
  return mtime < started_ns - kRacyWindowNs && ctime < started_ns - kRacyWindowNs;
}

std::string RawFileAnswer(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "none";
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return "ok " + Sha256Hex(buffer.str());
}

std::string ListAnswer(const Result<std::vector<std::string>>& listed) {
  if (!listed.ok()) return "error " + listed.error().message;
  std::string joined;
  for (const std::string& path : listed.value()) joined += path + '\n';
  return "ok " + Sha256Hex(joined);
}

std::string FingerprintAnswer(const Result<std::string>& fingerprint) {
  return fingerprint.ok() ? "ok " + fingerprint.value() : "error " + fingerprint.error().message;
}

std::string BoolAnswer(const Result<bool>& answer) {
  if (!answer.ok()) return "error " + answer.error().message;
  return answer.value() ? "yes" : "no";
}

// The answer of a read whose witness is `witness`: git's object id names the bytes of a
// HEAD or index version already, so they are not hashed again (a large repository's
// generated files are read from HEAD, the index and the disk on every check). A read
// with any other witness is answered by the hash of what it returned.
template <typename Bytes>
std::string AnswerWitnessed(const std::string& witness, const Result<Bytes>& bytes) {
  if (witness.rfind("git ", 0) == 0 && bytes.ok()) return witness;
  return AnswerOf(bytes);
}

}  // namespace

int64_t NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void RunRecord::Add(Observation observation) {
  std::lock_guard<std::mutex> lock(mutex_);
  observations_.push_back(std::move(observation));
}

std::string AnswerOf(const Result<std::string>& bytes) {
  return bytes.ok() ? "ok " + Sha256Hex(bytes.value()) : "error " + bytes.error().message;
}

std::string AnswerOf(const Result<std::optional<std::string>>& bytes) {
  if (!bytes.ok()) return "error " + bytes.error().message;
  return bytes.value() ? "ok " + Sha256Hex(*bytes.value()) : "none";
}

std::string ReadWitness(const std::string& path, const std::string& root, const drift::Worktree* index) {
  if (index == nullptr) return !path.empty() && path[0] == '/' ? StatWitness(path, /*follow_links=*/true) : "";
  std::string prefix = root + "/";
  if (path.rfind(prefix, 0) != 0) return "";
  Result<std::string> id = index->Fingerprint(drift::Version::kIndex, NormalizePath(path.substr(prefix.size())));
  return id.ok() && id.value().rfind("git ", 0) == 0 ? id.value() : "";
}

Result<std::string> RecordingFs::Read(const std::string& path) const {
  // The witness first: a change while the file is read then shows in the next run's stat.
  std::string witness = ReadWitness(path, root_, index_);
  Result<std::string> bytes = inner_.Read(path);
  std::string answer = AnswerWitnessed(witness, bytes);
  record_.Add({Observation::kRead, 0, path, std::move(answer), std::move(witness)});
  return bytes;
}

Result<std::string> RecordingFs::Canonical(const std::string& path) const {
  Result<std::string> canonical = inner_.Canonical(path);
  record_.Add({Observation::kCanonical, 0, path,
               canonical.ok() ? "ok " + canonical.value() : "error " + canonical.error().message, ""});
  return canonical;
}

Result<std::vector<std::string>> RecordingFs::ListFiles(const std::string& dir) const {
  Result<std::vector<std::string>> listed = inner_.ListFiles(dir);
  record_.Add({Observation::kList, 0, dir, ListAnswer(listed), ""});
  return listed;
}

namespace {

std::string TreeWitness(const drift::Worktree& worktree, drift::Version version, const std::string& path) {
  if (version == drift::Version::kWorkdir) {
    return IsNormalRelativePath(path) ? StatWitness(JoinPath(worktree.root(), path), /*follow_links=*/false) : "";
  }
  Result<std::string> id = worktree.Fingerprint(version, path);
  return id.ok() ? id.value() : "";
}

}  // namespace

Observation KnownRead(const drift::Worktree& worktree, drift::Version version, const std::string& path,
                      const std::string& sha256) {
  std::string witness = TreeWitness(worktree, version, path);
  std::string answer = witness.rfind("git ", 0) == 0 ? witness : "ok " + sha256;
  return {Observation::kTreeRead, static_cast<int>(version), path, std::move(answer), std::move(witness)};
}

std::vector<Observation> SameBytesObservations(const drift::Worktree& worktree, drift::Version a, drift::Version b,
                                               const std::string& path) {
  std::vector<Observation> out;
  for (drift::Version version : {a, b}) {
    out.push_back({Observation::kTreeFingerprint, static_cast<int>(version), path,
                   FingerprintAnswer(worktree.Fingerprint(version, path)), ""});
  }
  return out;
}

bool ObserveIndexIsHead(const drift::Worktree& worktree, const std::string& path, std::vector<Observation>* observed) {
  std::vector<Observation> same = SameBytesObservations(worktree, drift::Version::kIndex, drift::Version::kHead, path);
  bool equal = same[0].answer == same[1].answer && same[0].answer.rfind("error ", 0) != 0;
  for (Observation& seen : same) observed->push_back(std::move(seen));
  return equal;
}

Observation ObservedRead(const drift::Worktree& worktree, drift::Version version, const std::string& path) {
  // The witness first: a change while the file is read then shows in the next run's stat.
  std::string witness = TreeWitness(worktree, version, path);
  std::string answer = AnswerWitnessed(witness, worktree.Read(version, path));
  return {Observation::kTreeRead, static_cast<int>(version), path, std::move(answer), std::move(witness)};
}

Result<std::optional<std::string>> RecordingWorktree::Read(drift::Version version, const std::string& path) const {
  std::string witness = TreeWitness(inner_, version, path);
  Result<std::optional<std::string>> bytes = inner_.Read(version, path);
  std::string answer = AnswerWitnessed(witness, bytes);
  record_.Add({Observation::kTreeRead, static_cast<int>(version), path, std::move(answer), std::move(witness)});
  return bytes;
}

Result<bool> RecordingWorktree::SameBytes(drift::Version a, drift::Version b, const std::string& path) const {
  if (a == drift::Version::kWorkdir || b == drift::Version::kWorkdir) return Worktree::SameBytes(a, b, path);
  for (Observation& seen : SameBytesObservations(inner_, a, b, path)) record_.Add(std::move(seen));
  return inner_.SameBytes(a, b, path);
}

Result<bool> RecordingWorktree::Holds(drift::Version version, const std::string& path, std::string_view bytes) const {
  // The witness first, as Read takes it: a change while the file is compared then shows.
  std::string witness = TreeWitness(inner_, version, path);
  Result<bool> holds = inner_.Holds(version, path, bytes);
  if (!holds.ok() || !holds.value()) return Worktree::Holds(version, path, bytes);
  std::string answer = witness.rfind("git ", 0) == 0 ? witness : "ok " + Sha256Hex(bytes);
  record_.Add({Observation::kTreeRead, static_cast<int>(version), path, std::move(answer), std::move(witness)});
  return true;
}

Result<std::vector<std::string>> RecordingWorktree::List(drift::Version version, const std::string& dir) const {
  Result<std::vector<std::string>> listed = inner_.List(version, dir);
  record_.Add({Observation::kTreeList, static_cast<int>(version), dir, ListAnswer(listed), ""});
  return listed;
}

Result<bool> RecordingWorktree::IsIgnored(const std::string& path) const {
  Result<bool> ignored = inner_.IsIgnored(path);
  record_.Add({Observation::kIgnored, 0, path, BoolAnswer(ignored), ""});
  return ignored;
}

Status RecordingWorktree::WriteFile(const std::string& path, std::string_view) {
  return Error{"refusing to write `" + path + "` during a recorded (read-only) run"};
}

Status RecordingWorktree::RemoveFile(const std::string& path) {
  return Error{"refusing to delete `" + path + "` during a recorded (read-only) run"};
}

void RecordEnvironment(const drift::Worktree& worktree, RunRecord& record) {
  std::string common = worktree.CommonGitDir();
  std::vector<std::string> files = {common + "/config", common + "/info/attributes", common + "/info/exclude",
                                    worktree.root() + "/.gitattributes", "/etc/gitconfig"};
  if (const char* home = std::getenv("HOME")) {
    files.push_back(std::string(home) + "/.gitconfig");
    files.push_back(std::string(home) + "/.config/git/config");
    files.push_back(std::string(home) + "/.config/git/attributes");
  }
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME")) {
    files.push_back(std::string(xdg) + "/git/config");
    files.push_back(std::string(xdg) + "/git/attributes");
  }
  for (const std::string& file : files) {
    std::string witness = StatWitness(file, /*follow_links=*/true);
    record.Add({Observation::kEnvironment, 0, file, RawFileAnswer(file), std::move(witness)});
  }
}

bool RecordStillHolds(const RunRecord& record, const Fs& fs, bool staged, const drift::Worktree& worktree,
                      std::vector<Observation>* refreshed, bool* needs_refresh, std::string* why,
                      size_t* changed_at) {
  *needs_refresh = false;
  refreshed->clear();
  const drift::Worktree* index = staged ? &worktree : nullptr;
  for (const Observation& seen : record.observations()) {
    Observation now = seen;
    // Whether the witness vouches for the answer; otherwise the question is asked again.
    bool vouched = false;
    switch (seen.kind) {
      case Observation::kRead:
        now.witness = ReadWitness(seen.path, worktree.root(), index);
        vouched = !now.witness.empty() && now.witness == seen.witness &&
                  (now.witness.rfind("git ", 0) == 0 || Trusted(now.witness, record.started_ns()));
        if (!vouched) now.answer = AnswerWitnessed(now.witness, fs.Read(seen.path));
        break;
      case Observation::kCanonical: {
        Result<std::string> canonical = fs.Canonical(seen.path);
        now.answer = canonical.ok() ? "ok " + canonical.value() : "error " + canonical.error().message;
        break;
      }
      case Observation::kList:
        now.answer = ListAnswer(fs.ListFiles(seen.path));
        break;
      case Observation::kTreeRead: {
        auto version = static_cast<drift::Version>(seen.version);
        now.witness = TreeWitness(worktree, version, seen.path);
        bool stat = now.witness.rfind("stat ", 0) == 0 || now.witness == "absent";
        vouched = !now.witness.empty() && now.witness == seen.witness &&
                  (version != drift::Version::kWorkdir || (stat && Trusted(now.witness, record.started_ns())));
        if (!vouched) now.answer = AnswerWitnessed(now.witness, worktree.Read(version, seen.path));
        break;
      }
      case Observation::kTreeList:
        now.answer = ListAnswer(worktree.List(static_cast<drift::Version>(seen.version), seen.path));
        break;
      case Observation::kTreeFingerprint:
        now.answer = FingerprintAnswer(worktree.Fingerprint(static_cast<drift::Version>(seen.version), seen.path));
        break;
      case Observation::kIgnored:
        now.answer = BoolAnswer(worktree.IsIgnored(seen.path));
        break;
      case Observation::kEnvironment:
        now.witness = StatWitness(seen.path, /*follow_links=*/true);
        vouched = !now.witness.empty() && now.witness == seen.witness && Trusted(now.witness, record.started_ns());
        if (!vouched) now.answer = RawFileAnswer(seen.path);
        break;
    }
    if (now.answer != seen.answer) {
      *why = std::string("`") + seen.path + "` changed";
      if (changed_at != nullptr) *changed_at = refreshed->size();
      return false;
    }
    // Answered again with the same bytes: the new witness is worth keeping.
    if (!vouched && now.witness != seen.witness) *needs_refresh = true;
    if (!vouched && !now.witness.empty() && now.witness.rfind("stat ", 0) == 0) *needs_refresh = true;
    refreshed->push_back(std::move(now));
  }
  return true;
}

}  // namespace specc::cli
