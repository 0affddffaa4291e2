// The syntax tree of a project spec file: what the parser (dsl/parser.h) read, before any
// check of meaning. It is generic on purpose: a block is a list of members (`key = value`,
// a flag such as `secret`, or an override block `prod { ... }`), and the checker
// (dsl/checker.h) knows which members each block may have. No ANTLR type appears here.
#ifndef SPECC_DSL_AST_H_
#define SPECC_DSL_AST_H_

#include <cstdint>
#include <string>
#include <vector>

#include "base/loc.h"

namespace specc::dsl::ast {

struct Ident {
  std::string text;
  Loc loc;
};

struct Value {
  enum class Kind : uint8_t {
    kString,    // "text": `text` holds the decoded string
    kNumber,    // 15, 1.5, 1.4.0: `text` as written
    kQuantity,  // 72h: `text` as written
    kName,      // a or a.b.c: `path` holds the segments, `text` them joined with '.'
    kCall,      // f(a.b, c): `path` holds `f`, `items` the arguments (each a kName)
    kList,      // [a, "b"]: `items` holds the scalar elements
  };
  Kind kind = Kind::kString;
  std::string text;
  std::vector<Ident> path;
  std::vector<Value> items;
  Loc loc;
};

struct Member {
  enum class Kind : uint8_t {
    kField,     // key = value
    kFlag,      // secret, optional, required, shared, per environment, branch per environment
    kOverride,  // name { members }: settings for one environment
  };
  Kind kind = Kind::kField;
  // The field's key, the flag's words joined by one space, or the override's environment.
  Ident key;
  Value value;                  // kField only
  std::vector<Member> members;  // kOverride only
};

struct Decl {
  enum class Kind : uint8_t { kEnvironments, kPreview, kService, kResource, kEnv, kIntegration };
  Kind kind = Kind::kService;
  Loc loc;                   // the keyword
  Ident name;                // service, resource, env and integration
  Value type;                // resource only: a kName such as neon.postgres
  std::vector<Ident> names;  // environments only
  std::vector<Member> members;
};

struct File {
  Ident project_name;           // the string after `project`, decoded
  Loc loc;                      // the `project` keyword
  std::vector<Member> fields;   // top-level `key = value` (id, version, constitution)
  std::vector<Decl> decls;      // in source order
};

}  // namespace specc::dsl::ast

#endif  // SPECC_DSL_AST_H_
