// `specc hook install [--force | --chain]` and `specc hook uninstall`: a git pre-commit
// hook that runs `specc check --staged`, so a commit with stale or hand-edited generated
// files is refused. A hook that specc did not write is never replaced silently: without a
// flag the command refuses (exit 4: the user must choose); --force keeps the old hook as
// a backup and replaces it; --chain keeps it beside specc's hook, which runs it first.
// `uninstall` removes only specc's own hook and puts a chained hook back.
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

// Where --chain keeps the hook it found, beside specc's.
constexpr char kChainedName[] = "pre-commit.specc-chained";

// The hook with --chain: the previous hook first (when executable, as git would run it),
// and its refusal is the commit's refusal.
constexpr char kChainScript[] =
    "#!/bin/sh\n"
    "# specc pre-commit hook, installed by `specc hook install --chain`.\n"
    "# Runs the hook that was here before (kept beside this one as pre-commit.specc-chained),\n"
    "# then refuses a commit whose generated files are stale or were edited by hand, checking\n"
    "# the staged specs and files. Set SPECC to use a specc that is not on PATH.\n"
    "chained=\"$(dirname \"$0\")/pre-commit.specc-chained\"\n"
    "if [ -x \"$chained\" ]; then \"$chained\" \"$@\" || exit $?; fi\n"
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
bool WriteHook(const stdfs::path& hook, const char* script, std::string* error) {
  Status written = ReplaceFile(hook.generic_string(), script, 0755);
  if (!written.ok()) *error = written.error().message;
  return written.ok();
}

bool Exists(const stdfs::path& path) {
  std::error_code ec;
  return stdfs::exists(stdfs::symlink_status(path, ec));
}

bool IsOurs(const stdfs::path& hook) { return ReadAll(hook).find(kMarker) != std::string::npos; }

int Install(const stdfs::path& hook, HookFlags flags, const CommandContext& ctx) {
  stdfs::path chained = hook.parent_path() / kChainedName;
  std::error_code ec;
  std::string note;
  if (Exists(hook) && !IsOurs(hook)) {
    if (!flags.force && !flags.chain) {
      ctx.err << "specc: " << hook.generic_string()
              << " exists and was not installed by specc; it was left alone\n"
              << "  hint: `specc hook install --chain` keeps it and runs it before specc's check; "
                 "`--force` replaces it, keeping it as a backup\n";
      return kExitUsage;
    }
    stdfs::path moved = flags.chain ? chained : BackupPath(hook);
    if (flags.chain && Exists(chained)) {
      ctx.err << "specc: cannot chain " << hook.generic_string() << ": " << chained.generic_string()
              << " already exists\n  hint: run `specc hook uninstall` first, or remove that file\n";
      return kExitUsage;
    }
    stdfs::rename(hook, moved, ec);
    if (ec) {
      ctx.err << "specc: cannot move " << hook.generic_string() << ": " << ec.message() << "\n";
      return kExitUsage;
    }
    note = flags.chain ? " after the previous hook (kept as " + moved.generic_string() + ")"
                       : " (the previous hook is kept as " + moved.generic_string() + ")";
  } else if (Exists(chained)) {
    note = " after the chained hook " + chained.generic_string();
  }
  // A chain once made stays a chain when specc's hook is installed again.
  std::string error;
  if (!WriteHook(hook, Exists(chained) ? kChainScript : kHookScript, &error)) {
    ctx.err << "specc: " << error << "\n";
    return kExitUsage;
  }
  ctx.out << "installed " << hook.generic_string() << ": commits now run `specc check --staged`" << note << "\n";
  return kExitClean;
}

int Uninstall(const stdfs::path& hook, const CommandContext& ctx) {
  if (!Exists(hook)) {
    ctx.out << "no pre-commit hook in " << hook.parent_path().generic_string() << ": nothing to remove\n";
    return kExitClean;
  }
  if (!IsOurs(hook)) {
    ctx.err << "specc: " << hook.generic_string() << " was not installed by specc; it was left alone\n";
    return kExitUsage;
  }
  stdfs::path chained = hook.parent_path() / kChainedName;
  std::error_code ec;
  if (Exists(chained)) {
    stdfs::rename(chained, hook, ec);
  } else {
    stdfs::remove(hook, ec);
  }
  if (ec) {
    ctx.err << "specc: cannot remove " << hook.generic_string() << ": " << ec.message() << "\n";
    return kExitUsage;
  }
  ctx.out << (Exists(hook) ? "removed specc's pre-commit hook and put the chained hook back at "
                           : "removed specc's pre-commit hook ")
          << hook.generic_string() << "\n";
  return kExitClean;
}

}  // namespace

int RunHook(const std::vector<std::string>& args, HookFlags flags, const CommandContext& ctx) {
  bool install = args.size() == 1 && args[0] == "install";
  bool uninstall = args.size() == 1 && args[0] == "uninstall";
  if ((!install && !uninstall) || (flags.force && flags.chain) || (uninstall && (flags.force || flags.chain))) {
    ctx.err << "specc: usage: specc hook install [--force | --chain], or specc hook uninstall\n";
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
  if (uninstall) return Uninstall(hook, ctx);
  std::error_code ec;
  stdfs::create_directories(hook.parent_path(), ec);
  if (ec) {
    ctx.err << "specc: " << hook.parent_path().generic_string() << ": " << ec.message() << "\n";
    return kExitUsage;
  }
  return Install(hook, flags, ctx);
}

}  // namespace specc::cli
