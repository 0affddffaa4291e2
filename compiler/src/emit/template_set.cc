#include "emit/template_set.h"

#include "base/path.h"
#include "emit/builtin_templates.h"

namespace specc::emit {

TemplateSet TemplateSet::BuiltIn(SourceMap& sources) {
  TemplateSet set;
  for (size_t i = 0; i < kBuiltinTemplateCount; ++i) {
    const BuiltinTemplate& b = kBuiltinTemplates[i];
    std::string text(reinterpret_cast<const char*>(b.data), b.size);
    FileId file = sources.Add("templates/" + std::string(b.name), std::move(text));
    set.templates_[b.name] = Template{b.name, sources.contents(file), file, false};
  }
  return set;
}

Status TemplateSet::Override(const std::string& dir, const std::string& display_dir,
                             const Fs& fs, SourceMap& sources, DiagSink& sink) {
  Result<std::vector<std::string>> files = fs.ListFiles(dir);
  if (!files.ok()) return Error{"cannot read the templates directory `" + display_dir + "`: " +
                                files.error().message};
  for (const std::string& path : files.value()) {
    std::string name = RelativeTo(NormalizePath(path), NormalizePath(dir));
    Result<std::string> text = fs.Read(path);
    if (!text.ok()) return text.error();
    FileId file = sources.Add(JoinPath(display_dir, name), std::move(text).value());
    auto it = templates_.find(name);
    if (it == templates_.end()) {
      sink.Report(DiagCode::kTemplateUnknown, Loc{file, 0},
                  "`" + name + "` overrides no built-in template and is ignored",
                  "an override has the path of the built-in template it replaces, e.g. "
                  "`zod/schemas.ts.mustache`");
      continue;
    }
    it->second = Template{name, sources.contents(file), file, true};
  }
  return Ok{};
}

const Template* TemplateSet::Find(std::string_view name) const {
  auto it = templates_.find(name);
  return it == templates_.end() ? nullptr : &it->second;
}

std::map<std::string, const Template*> TemplateSet::Partials(std::string_view emitter_id) const {
  std::map<std::string, const Template*> partials;
  constexpr std::string_view kSuffix = ".mustache";
  for (std::string prefix : {std::string("common/partials/"), std::string(emitter_id) + "/partials/"}) {
    for (auto it = templates_.lower_bound(prefix);
         it != templates_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
      std::string stem = it->first.substr(prefix.size());
      if (stem.size() > kSuffix.size() && stem.compare(stem.size() - kSuffix.size(), kSuffix.size(), kSuffix) == 0) {
        stem.resize(stem.size() - kSuffix.size());
      }
      partials[stem] = &it->second;
    }
  }
  return partials;
}

}  // namespace specc::emit
