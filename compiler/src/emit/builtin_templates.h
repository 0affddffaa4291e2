// The built-in templates as the CMake step embeds them (compiler/embed_templates.cmake
// writes builtin_templates.cc into the build directory from templates/**/*.mustache).
// Only template_set.cc reads this table.
#ifndef SPECC_EMIT_BUILTIN_TEMPLATES_H_
#define SPECC_EMIT_BUILTIN_TEMPLATES_H_

#include <cstddef>

namespace specc::emit {

struct BuiltinTemplate {
  const char* name;  // "zod/schemas.ts.mustache"
  const unsigned char* data;
  size_t size;
};

extern const BuiltinTemplate kBuiltinTemplates[];
extern const size_t kBuiltinTemplateCount;

}  // namespace specc::emit

#endif  // SPECC_EMIT_BUILTIN_TEMPLATES_H_
