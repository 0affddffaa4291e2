// TemplateSet: the mustache templates emitters render through. The built-in ones are
// templates/**/*.mustache compiled into the binary by a CMake step (the generated .cc
// lives in the build directory); an override directory laid out the same way replaces
// them one file at a time, so a team can change one artifact without forking the rest.
// Every template is registered in the SourceMap, so a template error is a diagnostic at
// templates/<emitter>/<file>:line:col like any other.
#ifndef SPECC_EMIT_TEMPLATE_SET_H_
#define SPECC_EMIT_TEMPLATE_SET_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/diag_sink.h"
#include "base/fs.h"
#include "base/loc.h"
#include "base/result.h"
#include "base/source_map.h"

namespace specc::emit {

struct Template {
  std::string name;  // relative to the templates root: "zod/schemas.ts.mustache"
  std::string_view text;
  FileId file = kNoFile;  // the template's file in the SourceMap
  bool overridden = false;
};

class TemplateSet {
 public:
  // Returns the built-in templates, each added to `sources` as `templates/<name>`.
  // `sources` must outlive the set: the texts live in it.
  static TemplateSet BuiltIn(SourceMap& sources);

  // Replaces every template that `dir` (read through `fs`) has a file for, matched by
  // path below `dir`. `display_dir` is how diagnostics name `dir`. A file that replaces no
  // built-in template is a TEMPLATE_UNKNOWN warning (a typo would otherwise be ignored
  // silently). Returns an Error when `dir` or one of its files cannot be read.
  Status Override(const std::string& dir, const std::string& display_dir, const Fs& fs,
                  SourceMap& sources, DiagSink& sink);

  // Returns the template `name` ("zod/schemas.ts.mustache"); null when there is none.
  const Template* Find(std::string_view name) const;
  // Returns the partials an emitter's templates may use, by partial name: the files in
  // `<emitter_id>/partials/` and `common/partials/` (the emitter's own win).
  std::map<std::string, const Template*> Partials(std::string_view emitter_id) const;
  const std::map<std::string, Template, std::less<>>& templates() const { return templates_; }

 private:
  std::map<std::string, Template, std::less<>> templates_;
};

}  // namespace specc::emit

#endif  // SPECC_EMIT_TEMPLATE_SET_H_
