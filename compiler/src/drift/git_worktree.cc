#include "drift/git_worktree.h"

#include <fcntl.h>
#include <git2.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>

#include "base/atomic_file.h"
#include "base/fs.h"
#include "base/path.h"

namespace specc::drift {
namespace {

namespace stdfs = std::filesystem;

Error GitError(const std::string& what) {
  const git_error* e = git_error_last();
  return Error{what + ": " +
               (e != nullptr && e->message != nullptr ? e->message : "libgit2 error")};
}

std::string StripTrailingSlash(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

// Keeps libgit2's global state alive for as long as any GitWorktree is.
class LibGit2 {
 public:
  LibGit2() {
    git_libgit2_init();
    // Reading a blob does not re-hash it (git itself does not either): a check reads
    // every generated file from HEAD and the index, and the hashing cost more than the
    // inflating. `git fsck` is the tool for a damaged object store.
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
  }
  ~LibGit2() { git_libgit2_shutdown(); }
  LibGit2(const LibGit2&) = delete;
  LibGit2& operator=(const LibGit2&) = delete;
};

class GitWorktree final : public Worktree {
 public:
  GitWorktree() = default;
  ~GitWorktree() override {
    for (const auto& [commit, tree] : commit_trees_) git_tree_free(tree);
    if (head_tree_ != nullptr) git_tree_free(head_tree_);
    if (index_ != nullptr) git_index_free(index_);
    if (repo_ != nullptr) git_repository_free(repo_);
  }
  GitWorktree(const GitWorktree&) = delete;
  GitWorktree& operator=(const GitWorktree&) = delete;

  Status Open(const std::string& start_dir) {
    std::error_code ec;
    stdfs::path absolute = stdfs::absolute(start_dir, ec).lexically_normal();
    if (ec) return Error{start_dir + ": " + ec.message()};
    if (absolute.has_parent_path() && absolute.filename().empty())
      absolute = absolute.parent_path();
    int rc = git_repository_open_ext(&repo_, absolute.c_str(), 0, nullptr);
    if (rc == GIT_ENOTFOUND) {
      return Error{"not a git repository (or any parent up to the root): " +
                   absolute.generic_string()};
    }
    if (rc < 0) return GitError("cannot open the git repository at " + absolute.generic_string());
    if (git_repository_is_bare(repo_)) {
      return Error{"the repository at " + std::string(git_repository_path(repo_)) +
                   " is bare; specc needs a working tree"};
    }
    root_ = StripTrailingSlash(git_repository_workdir(repo_));
    std::error_code real_ec;
    real_root_ = stdfs::canonical(root_, real_ec).generic_string();
    if (real_ec) return Error{root_ + ": " + real_ec.message()};
    if (git_repository_index(&index_, repo_) < 0) return GitError("cannot read the index");
    // A repository with no commits yet has an unborn HEAD: its tree is empty.
    int unborn = git_repository_head_unborn(repo_);
    if (unborn < 0) return GitError("cannot resolve HEAD");
    if (unborn == 0) {
      git_object* tree = nullptr;
      if (git_revparse_single(&tree, repo_, "HEAD^{tree}") < 0) {
        return GitError("cannot read the tree of HEAD");
      }
      head_tree_ = reinterpret_cast<git_tree*>(tree);
    }
    return Ok{};
  }

  const std::string& root() const override { return root_; }

  Result<std::optional<std::string>> Read(Version version, const std::string& path) const override {
    switch (version) {
      case Version::kHead:
        return ReadHead(path);
      case Version::kIndex:
        return ReadIndex(path);
      case Version::kWorkdir:
        break;
    }
    return ReadWorkdir(path);
  }

  Result<std::string> Fingerprint(Version version, const std::string& path) const override {
    auto id = [](const git_oid* oid) {
      char hex[GIT_OID_HEXSZ + 1];
      git_oid_tostr(hex, sizeof hex, oid);
      return "git " + std::string(hex);
    };
    if (version == Version::kIndex) {
      const git_index_entry* entry = git_index_get_bypath(index_, path.c_str(), 0);
      if (entry == nullptr || entry->mode == GIT_FILEMODE_COMMIT) return std::string("none");
      return id(&entry->id);
    }
    if (version == Version::kHead) {
      if (head_tree_ == nullptr) return std::string("none");
      git_tree_entry* entry = nullptr;
      int rc = git_tree_entry_bypath(&entry, head_tree_, path.c_str());
      if (rc == GIT_ENOTFOUND) return std::string("none");
      if (rc < 0) return GitError("cannot read " + path + " in HEAD");
      std::string out = git_tree_entry_type(entry) == GIT_OBJECT_BLOB ? id(git_tree_entry_id(entry)) : "none";
      git_tree_entry_free(entry);
      return out;
    }
    return Worktree::Fingerprint(version, path);
  }

  Result<bool> SameBytes(Version a, Version b, const std::string& path) const override {
    if (a == Version::kWorkdir || b == Version::kWorkdir) return Worktree::SameBytes(a, b, path);
    // Equal object ids are equal bytes; Fingerprint reads neither blob.
    Result<std::string> first = Fingerprint(a, path);
    SPECC_RETURN_IF_ERROR(first);
    Result<std::string> second = Fingerprint(b, path);
    SPECC_RETURN_IF_ERROR(second);
    return first.value() == second.value();
  }

  Result<std::vector<std::string>> List(Version version, const std::string& dir) const override {
    std::string prefix = dir.empty() ? "" : StripTrailingSlash(dir) + "/";
    std::vector<std::string> out;
    if (version == Version::kIndex) {
      size_t count = git_index_entrycount(index_);
      for (size_t i = 0; i < count; ++i) {
        const git_index_entry* entry = git_index_get_byindex(index_, i);
        if (entry == nullptr || git_index_entry_stage(entry) != 0) continue;
        if (entry->mode == GIT_FILEMODE_COMMIT) continue;
        std::string path = entry->path;
        if (path.rfind(prefix, 0) == 0) out.push_back(std::move(path));
      }
    } else if (version == Version::kHead) {
      if (head_tree_ == nullptr) return out;
      Status listed = ListTree(head_tree_, prefix, "HEAD", out);
      if (!listed.ok()) return listed.error();
    } else {
      std::string below = StripTrailingSlash(dir);
      SPECC_RETURN_IF_ERROR(CheckRealDirectory(below, below));
      std::error_code ec;
      stdfs::path base = stdfs::path(real_root_) / dir;
      if (!stdfs::is_directory(base, ec)) return out;
      stdfs::recursive_directory_iterator it(base, ec), end;
      if (ec) return Error{base.generic_string() + ": " + ec.message()};
      for (; it != end; it.increment(ec)) {
        if (ec) return Error{base.generic_string() + ": " + ec.message()};
        if (it->path().filename() == ".git") {
          it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file(ec)) {
          out.push_back(RelativeTo(it->path().generic_string(), real_root_));
        }
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  Result<bool> IsIgnored(const std::string& path) const override {
    int ignored = 0;
    if (git_ignore_path_is_ignored(&ignored, repo_, path.c_str()) < 0) {
      return GitError("cannot evaluate the ignore rules for " + path);
    }
    return ignored != 0;
  }

  Result<bool> Holds(Version version, const std::string& path, std::string_view bytes) const override {
    if (version != Version::kWorkdir) return Worktree::Holds(version, path, bytes);
    Result<std::string> checked = WorkPath(path);
    SPECC_RETURN_IF_ERROR(checked);
    std::error_code ec;
    stdfs::file_status status = stdfs::symlink_status(checked.value(), ec);
    if (ec || !stdfs::exists(status)) return false;
    // A link, anything but a regular file, or a file git filters: read as Read reads it.
    if (!stdfs::is_regular_file(status)) return Worktree::Holds(version, path, bytes);
    git_filter_list* filters = nullptr;
    if (git_filter_list_load(&filters, repo_, nullptr, path.c_str(), GIT_FILTER_TO_ODB, GIT_FILTER_DEFAULT) < 0) {
      return GitError("cannot load the git filters of " + path);
    }
    if (filters != nullptr) {
      git_filter_list_free(filters);
      return Worktree::Holds(version, path, bytes);
    }
    int fd = ::open(checked.value().c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Worktree::Holds(version, path, bytes);  // which says why
    struct stat info {};
    bool same = ::fstat(fd, &info) == 0 && static_cast<size_t>(info.st_size) == bytes.size();
    // The bytes as they are now, compared a chunk at a time (the file may have changed
    // since fstat: what it holds past `bytes` makes it differ).
    size_t used = 0;
    char chunk[1 << 16];
    while (same) {
      ssize_t n = ::read(fd, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        ::close(fd);
        return Worktree::Holds(version, path, bytes);  // which says why
      }
      if (n == 0) break;
      size_t got = static_cast<size_t>(n);
      same = got <= bytes.size() - used && std::memcmp(chunk, bytes.data() + used, got) == 0;
      used += got;
    }
    ::close(fd);
    return same && used == bytes.size();
  }

  Result<std::string> Clean(const std::string& path, std::string contents) const override {
    return Filter(path, std::move(contents), GIT_FILTER_TO_ODB);
  }

  Status WriteFile(const std::string& path, std::string_view contents) override {
    Result<std::string> checked = WorkPath(path);
    SPECC_RETURN_IF_ERROR(checked);
    stdfs::path target = checked.value();
    // Written as `git checkout` would write these bytes (smudge filters: CRLF line ends
    // under core.autocrlf=true or `eol=crlf`), so that the file matches its neighbours and
    // git, which cleans it again, sees exactly the generated bytes.
    Result<std::string> smudged = Filter(path, std::string(contents), GIT_FILTER_TO_WORKTREE);
    SPECC_RETURN_IF_ERROR(smudged);
    std::error_code ec;
    stdfs::create_directories(target.parent_path(), ec);
    if (ec) return Error{target.parent_path().generic_string() + ": " + ec.message()};
    return ReplaceFile(target.generic_string(), smudged.value());
  }

  Status RemoveFile(const std::string& path) override {
    Result<std::string> checked = WorkPath(path);
    SPECC_RETURN_IF_ERROR(checked);
    stdfs::path target = checked.value();
    if (::unlink(target.c_str()) != 0 && errno != ENOENT) {
      return Error{target.generic_string() + ": " + std::strerror(errno)};
    }
    // rmdir() fails on a directory that still holds anything, which ends the walk.
    stdfs::path dir = target.parent_path();
    stdfs::path root(real_root_);
    while (dir != root && dir.generic_string().size() > real_root_.size() &&
           ::rmdir(dir.c_str()) == 0) {
      dir = dir.parent_path();
    }
    return Ok{};
  }

  Result<std::string> ResolveCommit(const std::string& revision) const override {
    git_object* object = nullptr;
    if (git_revparse_single(&object, repo_, revision.c_str()) < 0) {
      return GitError("unknown revision `" + revision + "`");
    }
    git_object* commit = nullptr;
    int rc = git_object_peel(&commit, object, GIT_OBJECT_COMMIT);
    git_object_free(object);
    if (rc < 0) return GitError("`" + revision + "` names no commit");
    std::string id = Hex(git_object_id(commit));
    git_object_free(commit);
    return id;
  }

  Result<std::optional<BaseCommit>> DefaultBase() const override {
    git_oid head;
    if (git_reference_name_to_id(&head, repo_, "HEAD") < 0) return std::optional<BaseCommit>();
    std::vector<std::string> remotes;
    git_strarray names{};
    if (git_remote_list(&names, repo_) == 0) {
      remotes.assign(names.strings, names.strings + names.count);
      git_strarray_dispose(&names);
    }
    std::sort(remotes.begin(), remotes.end());
    auto origin = std::find(remotes.begin(), remotes.end(), "origin");
    if (origin != remotes.end()) std::iter_swap(origin, remotes.begin());
    if (!remotes.empty()) {
      const std::string& remote = remotes.front();
      for (const char* branch : {"HEAD", "main", "master"}) {
        std::string ref = "refs/remotes/" + remote + "/" + branch;
        git_oid target;
        if (git_reference_name_to_id(&target, repo_, ref.c_str()) < 0) continue;
        std::string shown = remote + "/" + branch;
        // refs/remotes/origin/HEAD points at the default branch: show that one.
        git_reference* symbolic = nullptr;
        if (git_reference_lookup(&symbolic, repo_, ref.c_str()) == 0) {
          if (git_reference_type(symbolic) == GIT_REFERENCE_SYMBOLIC) {
            std::string to = git_reference_symbolic_target(symbolic);
            if (to.rfind("refs/remotes/", 0) == 0) shown = to.substr(13);
          }
          git_reference_free(symbolic);
        }
        git_oid base;
        if (git_merge_base(&base, repo_, &head, &target) == 0) {
          return std::optional<BaseCommit>(BaseCommit{Hex(&base), "merge base of HEAD and " + shown});
        }
        break;
      }
    }
    return std::optional<BaseCommit>(BaseCommit{Hex(&head), "HEAD"});
  }

  Result<std::optional<std::string>> ReadCommit(const std::string& commit,
                                                const std::string& path) const override {
    Result<git_tree*> tree = CommitTree(commit);
    if (!tree.ok()) return tree.error();
    return ReadTree(tree.value(), path, "commit " + commit.substr(0, 12), /*refuse_links=*/true);
  }

  Result<std::vector<std::string>> ListCommit(const std::string& commit,
                                              const std::string& dir) const override {
    Result<git_tree*> tree = CommitTree(commit);
    if (!tree.ok()) return tree.error();
    std::vector<std::string> out;
    Status listed = ListTree(tree.value(), dir.empty() ? "" : StripTrailingSlash(dir) + "/",
                             "commit " + commit.substr(0, 12), out);
    if (!listed.ok()) return listed.error();
    std::sort(out.begin(), out.end());
    return out;
  }

  std::string CommonGitDir() const override {
    return StripTrailingSlash(git_repository_commondir(repo_));
  }

  Result<std::string> HooksDir() const override {
    git_config* config = nullptr;
    if (git_repository_config_snapshot(&config, repo_) == 0) {
      git_buf buf = GIT_BUF_INIT;
      int rc = git_config_get_path(&buf, config, "core.hooksPath");
      std::string hooks_path = rc == 0 ? std::string(buf.ptr, buf.size) : "";
      git_buf_dispose(&buf);
      git_config_free(config);
      if (!hooks_path.empty()) {
        return StripTrailingSlash(JoinPath(root_, hooks_path));
      }
    }
    git_buf buf = GIT_BUF_INIT;
    if (git_repository_item_path(&buf, repo_, GIT_REPOSITORY_ITEM_HOOKS) < 0) {
      return GitError("cannot find the hooks directory");
    }
    std::string out(buf.ptr, buf.size);
    git_buf_dispose(&buf);
    return StripTrailingSlash(out);
  }

 private:
  Result<std::optional<std::string>> BlobContents(const git_oid* id,
                                                  const std::string& path) const {
    // HEAD and the index mostly hold the same blob of a path, read one after the other.
    if (last_blob_ && git_oid_equal(&last_blob_->first, id)) return std::optional<std::string>(last_blob_->second);
    git_blob* blob = nullptr;
    if (git_blob_lookup(&blob, repo_, id) < 0) return GitError("cannot read the blob of " + path);
    std::string contents(static_cast<const char*>(git_blob_rawcontent(blob)),
                         static_cast<size_t>(git_blob_rawsize(blob)));
    git_blob_free(blob);
    last_blob_.emplace(*id, contents);
    return std::optional<std::string>(std::move(contents));
  }

  Result<std::optional<std::string>> ReadHead(const std::string& path) const {
    if (head_tree_ == nullptr) return std::optional<std::string>();
    return ReadTree(head_tree_, path, "HEAD");
  }

  // Returns the blob at `path` in `tree` (named `what` in errors); nothing when there is
  // no file there.
  // With `refuse_links`, a symbolic link is an Error rather than its target's name: the
  // specs of a revision are compiled from regular files only (what a link there would
  // lead to is not in that revision, and may lie outside the repository).
  Result<std::optional<std::string>> ReadTree(git_tree* tree, const std::string& path,
                                              const std::string& what, bool refuse_links = false) const {
    git_tree_entry* entry = nullptr;
    int rc = git_tree_entry_bypath(&entry, tree, path.c_str());
    if (rc == GIT_ENOTFOUND) return std::optional<std::string>();
    if (rc < 0) return GitError("cannot look up " + path + " in " + what);
    Result<std::optional<std::string>> out = std::optional<std::string>();
    if (refuse_links && git_tree_entry_filemode(entry) == GIT_FILEMODE_LINK) {
      out = Error{path + ": a symbolic link in " + what +
                  "; specc reads the specs of a revision only from regular files"};
    } else if (git_tree_entry_type(entry) == GIT_OBJECT_BLOB)
      out = BlobContents(git_tree_entry_id(entry), path);
    git_tree_entry_free(entry);
    return out;
  }

  // Appends the files of `tree` whose paths start with `prefix` to `out`.
  static Status ListTree(git_tree* tree, const std::string& prefix, const std::string& what,
                         std::vector<std::string>& out) {
    struct Walk {
      const std::string* prefix;
      std::vector<std::string>* out;
    } walk{&prefix, &out};
    auto callback = [](const char* root, const git_tree_entry* entry, void* payload) -> int {
      auto* w = static_cast<Walk*>(payload);
      if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB) return 0;
      std::string path = std::string(root) + git_tree_entry_name(entry);
      if (path.rfind(*w->prefix, 0) == 0) w->out->push_back(std::move(path));
      return 0;
    };
    if (git_tree_walk(tree, GIT_TREEWALK_PRE, callback, &walk) < 0) {
      return GitError("cannot list the tree of " + what);
    }
    return Ok{};
  }

  // Returns the tree of `commit` (40 hex digits), looked up once and kept.
  Result<git_tree*> CommitTree(const std::string& commit) const {
    auto known = commit_trees_.find(commit);
    if (known != commit_trees_.end()) return known->second;
    git_oid id;
    git_commit* object = nullptr;
    if (git_oid_fromstr(&id, commit.c_str()) < 0 || git_commit_lookup(&object, repo_, &id) < 0) {
      return GitError("cannot read commit " + commit);
    }
    git_tree* tree = nullptr;
    int rc = git_commit_tree(&tree, object);
    git_commit_free(object);
    if (rc < 0) return GitError("cannot read the tree of commit " + commit);
    commit_trees_.emplace(commit, tree);
    return tree;
  }

  static std::string Hex(const git_oid* id) {
    char hex[GIT_OID_HEXSZ + 1];
    git_oid_tostr(hex, sizeof hex, id);
    return hex;
  }

  Result<std::optional<std::string>> ReadIndex(const std::string& path) const {
    const git_index_entry* entry = git_index_get_bypath(index_, path.c_str(), 0);
    if (entry == nullptr || entry->mode == GIT_FILEMODE_COMMIT) return std::optional<std::string>();
    return BlobContents(&entry->id, path);
  }

  // Returns the absolute path of `path` in the working tree once every directory on the
  // way to it is known to be a real directory inside the repository (ResolveWithin finds
  // no symbolic link): git does not follow a link to a directory, and specc reads, writes
  // and deletes nothing through one, so a committed link cannot send it out of the
  // repository or onto a file it does not own. The last component may itself be a link:
  // it is read as its target's name, and replaced or deleted as a link.
  Result<std::string> WorkPath(const std::string& path) const {
    SPECC_RETURN_IF_ERROR(CheckRealDirectory(std::string(DirName(path)), path));
    return JoinPath(real_root_, path);
  }

  // Ok when `dir` (relative to the root; "" for the root) and every directory above it
  // are real directories inside the repository, or do not exist yet; otherwise an Error
  // about `path`, which lies below it.
  Status CheckRealDirectory(const std::string& dir, const std::string& path) const {
    if (dir.empty() || real_dirs_.count(dir) > 0) return Ok{};
    Result<std::string> resolved = ResolveWithin(real_root_, JoinPath(real_root_, dir));
    if (!resolved.ok() || resolved.value() != JoinPath(real_root_, dir)) {
      std::string link = FirstLink(dir);
      return Error{"`" + path + (link == path ? "` is" : "` lies below `" + link + "`,") +
                   " a symbolic link: specc reads, writes and deletes files only through " +
                   "real directories of the repository, never through a link"};
    }
    // specc creates only real directories, so the answer holds for the rest of the run.
    real_dirs_.insert(dir);
    return Ok{};
  }

  // The first directory of `dir` (relative to the root) that is a symbolic link.
  std::string FirstLink(const std::string& dir) const {
    std::string prefix;
    size_t start = 0;
    while (start <= dir.size()) {
      size_t slash = dir.find('/', start);
      if (slash == std::string::npos) slash = dir.size();
      prefix = dir.substr(0, slash);
      std::error_code ec;
      if (stdfs::is_symlink(stdfs::symlink_status(JoinPath(real_root_, prefix), ec))) break;
      start = slash + 1;
    }
    return prefix;
  }

  Result<std::optional<std::string>> ReadWorkdir(const std::string& path) const {
    Result<std::string> checked = WorkPath(path);
    SPECC_RETURN_IF_ERROR(checked);
    stdfs::path target = checked.value();
    std::error_code ec;
    stdfs::file_status status = stdfs::symlink_status(target, ec);
    if (ec || !stdfs::exists(status)) return std::optional<std::string>();
    // git records a symbolic link as its target, so compare that.
    if (stdfs::is_symlink(status)) {
      stdfs::path link = stdfs::read_symlink(target, ec);
      if (ec) return Error{target.generic_string() + ": " + ec.message()};
      return std::optional<std::string>(link.string());
    }
    if (!stdfs::is_regular_file(status)) return std::optional<std::string>();
    Result<std::string> bytes = ReadWholeFile(target.string(), target.generic_string());
    SPECC_RETURN_IF_ERROR(bytes);
    // Compared as git compares it: what `git add` would store (clean filters).
    Result<std::string> clean = Clean(path, std::move(bytes).value());
    SPECC_RETURN_IF_ERROR(clean);
    return std::optional<std::string>(std::move(clean).value());
  }

  // Returns `contents` of `path` passed through git's filters in direction `mode`: to the
  // object database (clean: what `git add` stores, e.g. CRLF to LF under core.autocrlf or
  // `text` attributes) or to the working tree (smudge: what `git checkout` writes). Only
  // libgit2's built-in filters (line endings, `ident`) run; filter drivers that would
  // run commands are not libgit2's to run, and are not run.
  Result<std::string> Filter(const std::string& path, std::string contents,
                             git_filter_mode_t mode) const {
    git_filter_list* filters = nullptr;
    if (git_filter_list_load(&filters, repo_, nullptr, path.c_str(), mode, GIT_FILTER_DEFAULT) < 0) {
      return GitError("cannot load the git filters of " + path);
    }
    if (filters == nullptr) return contents;  // none applies: the bytes are git's bytes
    git_buf out = GIT_BUF_INIT;
    int rc = git_filter_list_apply_to_buffer(&out, filters, contents.data(), contents.size());
    git_filter_list_free(filters);
    if (rc < 0) {
      git_buf_dispose(&out);
      return GitError("cannot apply the git filters of " + path);
    }
    std::string filtered(out.ptr, out.size);
    git_buf_dispose(&out);
    return filtered;
  }

  LibGit2 libgit2_;
  git_repository* repo_ = nullptr;
  git_index* index_ = nullptr;
  git_tree* head_tree_ = nullptr;
  mutable std::map<std::string, git_tree*> commit_trees_;
  mutable std::optional<std::pair<git_oid, std::string>> last_blob_;  // the blob BlobContents read last
  std::string root_;
  std::string real_root_;  // root_ with every symbolic link resolved
  // Directories (relative to the root) already known to be real, not links.
  mutable std::set<std::string> real_dirs_;
};

}  // namespace

Result<std::unique_ptr<Worktree>> OpenGitWorktree(const std::string& start_dir) {
  auto worktree = std::make_unique<GitWorktree>();
  Status opened = worktree->Open(start_dir);
  if (!opened.ok()) return opened.error();
  return std::unique_ptr<Worktree>(std::move(worktree));
}

}  // namespace specc::drift
