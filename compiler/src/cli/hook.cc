// `specc hook install [--force]`: installs a git pre-commit hook that runs
// `specc check --staged`, so a commit with stale or hand-edited generated files is
// refused. A hook that specc did not write is never replaced silently: without --force
// the command refuses (exit 2, a conflict); with --force the old hook is kept as a backup.
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

#include "base/atomic_file.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "drift/git_worktree.h"

namespace specc::cli {
namespace {

namespace stdfs = std::filesystem;

// Marks a hook as specc's own, so that re-installing it is not a conflict.
constexpr char kMarker[] = "# specc pre-commit hook";

// SPECC lets a repository point at a specc that is not on PATH.
constexpr char kHookScript[] =
    "#!/bin/sh\n"
    "# specc pre-commit hook, installed by `specc hook install`.\n"
    "# Refuses a commit whose generated files are stale or were edited by hand, checking\n"
    "# the staged specs and files. Set SPECC to use a specc that is not on PATH.\n"
    "exec \"${SPECC:-specc}\" check --staged\n";

std::string ReadAll(const stdfs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The first of `<hook>.specc-backup`, `<hook>.specc-backup.1`, ... that does not exist.
stdfs::path BackupPath(const stdfs::path& hook) {
  stdfs::path backup = hook;
  backup += ".specc-backup";
  std::error_code ec;
  for (int i = 1; stdfs::exists(backup, ec); ++i) {
    backup = hook;
    backup += ".specc-backup." + std::to_string(i);
  }
  return backup;
}

// Writes the hook through a temporary file and a rename (base/atomic_file.h), executable.
bool WriteHook(const stdfs::path& hook, std::string* error) {
  Status written = ReplaceFile(hook.generic_string(), kHookScript, 0755);
  if (!written.ok()) *error = written.error().message;
  return written.ok();
}

}  // namespace

int RunHook(const std::vector<std::string>& args, bool force, const CommandContext& ctx) {
  if (args.size() != 1 || args[0] != "install") {
    ctx.err << "specc: usage: specc hook install [--force]\n";
    return kExitUsage;
  }
  Result<std::unique_ptr<drift::Worktree>> worktree = drift::OpenGitWorktree(ctx.working_dir);
  if (!worktree.ok()) {
    ctx.err << "specc: " << worktree.error().message << "\n";
    return kExitUsage;
  }
  Result<std::string> hooks_dir = worktree.value()->HooksDir();
  if (!hooks_dir.ok()) {
    ctx.err << "specc: " << hooks_dir.error().message << "\n";
    return kExitUsage;
  }
  stdfs::path hook = stdfs::path(hooks_dir.value()) / "pre-commit";
  std::error_code ec;
  stdfs::create_directories(hook.parent_path(), ec);
  if (ec) {
    ctx.err << "specc: " << hook.parent_path().generic_string() << ": " << ec.message() << "\n";
    return kExitUsage;
  }

  std::string backup_note;
  if (stdfs::exists(stdfs::symlink_status(hook, ec))) {
    std::string existing = ReadAll(hook);
    bool ours = existing.find(kMarker) != std::string::npos;
    if (!ours && !force) {
      ctx.err << "specc: " << hook.generic_string()
              << " exists and was not installed by specc; it was left alone\n"
              << "  hint: re-run with --force to replace it (the old hook is kept as a backup), "
                 "or call `specc check --staged` from it yourself\n";
      return kExitConflicts;
    }
    if (!ours) {
      stdfs::path backup = BackupPath(hook);
      stdfs::rename(hook, backup, ec);
      if (ec) {
        ctx.err << "specc: cannot back up " << hook.generic_string() << ": " << ec.message()
                << "\n";
        return kExitUsage;
      }
      backup_note = " (the previous hook is kept as " + backup.generic_string() + ")";
    }
  }
  std::string error;
  if (!WriteHook(hook, &error)) {
    ctx.err << "specc: " << error << "\n";
    return kExitUsage;
  }
  ctx.out << "installed " << hook.generic_string() << ": commits now run `specc check --staged`"
          << backup_note << "\n";
  return kExitClean;
}

}  // namespace specc::cli
