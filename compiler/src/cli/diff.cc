// `specc diff [--base REV] [--head REV | --staged]` and `specc diff OLD NEW`: the
// breaking-change report between two versions of the specs. Exit codes: 0 when no change
// reaches --fail-on, 1 when one does (unlike `check`, where 1 means drift), 3 when a
// version's specs do not compile, 4 for usage and environment errors.
#include <ostream>

#include "base/diag_sink.h"
#include "base/fs.h"
#include "base/path.h"
#include "base/source_map.h"
#include "cli/accepted_file.h"
#include "cli/cli.h"
#include "cli/diff_run.h"
#include "compare/accepted.h"
#include "compare/compare.h"
#include "drift/git_worktree.h"
#include "drift/index_fs.h"
#include "driver/front_end.h"

namespace specc::cli {

// One version of the specs, loaded.
struct DiffRun::Version {
  Version() { sources.set_secrets_wanted(false); }  // the comparison reviews no secrets
  DiffSide side;
  SourceMap sources;
  DiagSink sink;
  spec::ProjectConfig config;
  driver::LoadedSpecs specs;
  bool has_specs = false;  // false: no commit yet, or no specs directory there
};

DiffRun::DiffRun() = default;
DiffRun::~DiffRun() = default;
DiffRun::DiffRun(DiffRun&&) noexcept = default;
DiffRun& DiffRun::operator=(DiffRun&&) noexcept = default;

namespace {

using Version = DiffRun::Version;

// Loads what repository mode reads (specc.yaml, then the specs it names) from `fs`, rooted
// at `root`. A version without the specs directory has no specs, which is not an error:
// the specs may be new, or gone.
Status LoadRepositoryVersion(const std::string& root, const Fs& fs, Version& v) {
  v.config = driver::LoadConfig(root, fs, v.sources, v.sink);
  if (!fs.Canonical(JoinPath(root, v.config.specs_dir)).ok()) return Ok{};
  Result<std::vector<std::string>> inputs = driver::FindSpecInputs(v.config.specs_dir, root, fs);
  if (!inputs.ok()) return inputs.error();
  v.specs = driver::LoadSpecs(inputs.value(), root, fs, v.sources, v.sink);
  v.has_specs = true;
  return Ok{};
}

compare::SpecsVersion ToCompare(const Version& v, bool file_mode) {
  compare::SpecsVersion out;
  if (v.specs.project) {
    out.project = &*v.specs.project;
    out.project_path = v.specs.project->source;
  }
  for (const driver::LoadedApi& api : v.specs.apis) {
    if (!api.api) continue;
    // A service's API is known by the service's name; `diff OLD.yaml NEW.yaml` compares
    // the two documents whatever their names.
    std::string key = !api.service.empty() ? "service " + api.service : file_mode ? std::string() : "file " + api.path;
    out.apis.push_back(compare::ApiVersion{key, api.path, &*api.api});
  }
  return out;
}

// Prints the problems of a version that does not compile; returns its exit code (0 when
// it compiled).
int ReportProblems(const Version& v, const CommandContext& ctx) {
  if (!v.sink.has_errors()) return kExitClean;
  std::string name = v.side.commit.empty() ? v.side.name : v.side.name + " (" + v.side.commit.substr(0, 12) + ")";
  int code = ExitCodeFor(v.sink);
  ctx.err << "specc diff: " << (code == kExitUsage ? "cannot read the specs of " : "the specs of ") << name
          << (code == kExitUsage ? ":\n" : " do not compile:\n");
  PrintDiagnostics(v.sink, v.sources, OutputFormat::kText, ctx.err);
  return code;
}

int Usage(const CommandContext& ctx, const std::string& message) {
  ctx.err << "specc diff: " << message << "\n  run `specc diff --help` for usage\n";
  return kExitUsage;
}

// Reads the accepted-breaks file into the head version's SourceMap and parses it. Returns
// false after printing when it has errors.
bool ReadAcceptedBreaks(const std::string& path, const std::string& display, const Fs& fs, bool must_exist,
                        Version& head, std::vector<compare::AcceptedBreak>* entries, const CommandContext& ctx,
                        int* exit_code) {
  Result<std::string> text = fs.Read(path);
  if (!text.ok()) {
    if (!must_exist) return true;
    ctx.err << "specc diff: cannot read the accepted-breaks file: " << text.error().message << "\n";
    *exit_code = kExitUsage;
    return false;
  }
  FileId file = head.sources.Add(display, std::move(text).value());
  DiagSink sink;
  *entries = ParseAcceptedBreaks(file, head.sources, sink);
  if (!sink.diagnostics().empty()) PrintDiagnostics(sink, head.sources, OutputFormat::kText, ctx.err);
  if (sink.has_errors()) {
    *exit_code = kExitSpecErrors;
    return false;
  }
  return true;
}

}  // namespace

std::optional<DiffRun> StartDiffRun(const DiffFlags& flags, const CommandContext& ctx, int* exit_code) {
  *exit_code = kExitUsage;
  DiffRun run;
  run.base = std::make_unique<Version>();
  run.head = std::make_unique<Version>();
  Version& base = *run.base;
  Version& head = *run.head;
  std::optional<compare::Level> fail_on;
  if (flags.fail_on != "never") {
    fail_on = compare::ParseLevel(flags.fail_on);
    if (!fail_on) {
      Usage(ctx, "--fail-on takes breaking, warning, info or never, not `" + flags.fail_on + "`");
      return std::nullopt;
    }
  }
  bool file_mode = !flags.files.empty();
  RealFs disk;
  // Owned here for repository mode; the versions' Fs must live until the end of the run.
  std::unique_ptr<drift::Worktree> worktree;
  std::unique_ptr<Fs> base_fs, head_fs;
  if (file_mode) {
    if (flags.files.size() != 2) {
      Usage(ctx, "file mode takes two files, OLD and NEW");
      return std::nullopt;
    }
    if (!flags.base.empty() || !flags.head.empty() || flags.staged) {
      Usage(ctx, "--base, --head and --staged are for repository mode, not for `specc diff OLD NEW`");
      return std::nullopt;
    }
    for (Version* v : {&base, &head}) {
      const std::string& file = flags.files[v == &base ? 0 : 1];
      v->side.name = NormalizePath(file);
      v->side.sources = &v->sources;
      v->specs = driver::LoadSpecs({file}, ctx.working_dir, disk, v->sources, v->sink);
      v->has_specs = true;
    }
  } else {
    if (flags.staged && !flags.head.empty()) {
      Usage(ctx, "--staged and --head exclude each other");
      return std::nullopt;
    }
    Result<std::unique_ptr<drift::Worktree>> opened = drift::OpenGitWorktree(ctx.working_dir);
    if (!opened.ok()) {
      ctx.err << "specc diff: " << opened.error().message << "\n"
              << "  hint: without a git repository, compare two files: `specc diff OLD NEW`\n";
      return std::nullopt;
    }
    worktree = std::move(opened).value();
    const std::string& root = worktree->root();
    // The base: --base, or the merge base with the remote default branch, or HEAD.
    if (!flags.base.empty()) {
      Result<std::string> commit = worktree->ResolveCommit(flags.base);
      if (!commit.ok()) {
        ctx.err << "specc diff: --base: " << commit.error().message << "\n";
        return std::nullopt;
      }
      base.side = DiffSide{flags.base, commit.value(), &base.sources};
    } else {
      Result<std::optional<drift::BaseCommit>> found = worktree->DefaultBase();
      if (!found.ok()) {
        ctx.err << "specc diff: " << found.error().message << "\n";
        return std::nullopt;
      }
      base.side = found.value() ? DiffSide{found.value()->name, found.value()->commit, &base.sources}
                                : DiffSide{"HEAD (no commit yet)", "", &base.sources};
    }
    if (!base.side.commit.empty()) base_fs = std::make_unique<drift::RevisionFs>(*worktree, base.side.commit);
    if (flags.staged) {
      head.side = DiffSide{"the index", "", &head.sources};
      head_fs = std::make_unique<drift::IndexFs>(*worktree);
    } else if (!flags.head.empty()) {
      Result<std::string> commit = worktree->ResolveCommit(flags.head);
      if (!commit.ok()) {
        ctx.err << "specc diff: --head: " << commit.error().message << "\n";
        return std::nullopt;
      }
      head.side = DiffSide{flags.head, commit.value(), &head.sources};
      head_fs = std::make_unique<drift::RevisionFs>(*worktree, commit.value());
    } else {
      head.side = DiffSide{"the working tree", "", &head.sources};
      // As `specc check` reads it: inside the repository only, through links too (a
      // committed link or a spec naming `../../x` never makes specc read a file outside
      // it), and each file as git stores it (clean filters: CRLF checkouts compile alike).
      const drift::Worktree& tree = *worktree;
      head_fs = std::make_unique<RealFs>(root, [&tree](const std::string& path, std::string bytes) {
        return tree.Clean(path, std::move(bytes));
      });
    }
    for (Version* v : {&base, &head}) {
      const Fs* fs = v == &base ? base_fs.get() : head_fs.get();
      if (fs == nullptr) continue;
      Status loaded = LoadRepositoryVersion(root, *fs, *v);
      if (!loaded.ok()) {
        ctx.err << "specc diff: " << loaded.error().message << "\n";
        return std::nullopt;
      }
    }
  }
  int problems = std::max(ReportProblems(base, ctx), ReportProblems(head, ctx));
  if (problems != kExitClean) {
    *exit_code = problems;
    return std::nullopt;
  }
  std::vector<compare::AcceptedBreak> accepted;
  std::string accepted_display;
  if (!flags.accepted.empty()) {
    accepted_display = NormalizePath(flags.accepted);
    if (!ReadAcceptedBreaks(JoinPath(ctx.working_dir, flags.accepted), accepted_display, disk, true, head, &accepted,
                            ctx, exit_code)) {
      return std::nullopt;
    }
  } else if (!file_mode && head.has_specs) {
    accepted_display = JoinPath(head.config.specs_dir, kAcceptedBreaksFile);
    if (!ReadAcceptedBreaks(JoinPath(worktree->root(), accepted_display), accepted_display, *head_fs, false, head,
                            &accepted, ctx, exit_code)) {
      return std::nullopt;
    }
  }
  run.outcome.base = base.side;
  run.outcome.head = head.side;
  run.outcome.fail_on = fail_on;
  run.outcome.repository_mode = !file_mode;
  run.outcome.changes = compare::CompareSpecs(ToCompare(base, file_mode), ToCompare(head, file_mode));
  compare::ApplyAcceptedBreaks(accepted, accepted_display, run.outcome.changes);
  *exit_code = kExitClean;
  return run;
}

int RunDiff(const DiffFlags& flags, const CommandContext& ctx) {
  std::optional<DiffFormat> format = ParseDiffFormat(flags.format);
  if (!format) return Usage(ctx, "--format takes text, json, github, sarif or markdown");
  int exit_code = kExitUsage;
  std::optional<DiffRun> run = StartDiffRun(flags, ctx, &exit_code);
  if (!run) return exit_code;
  ctx.out << FormatDiff(run->outcome, *format);
  int code = DiffFails(run->outcome) ? kExitDrift : kExitClean;
  // The process is about to exit: leave two large IRs to the kernel (RunOptions::free_memory).
  if (!ctx.free_memory) new DiffRun(std::move(*run));
  return code;
}

}  // namespace specc::cli
