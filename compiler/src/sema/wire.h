// How values travel as text: parameters (path, query, header, cookie) and the fields of
// form bodies (application/x-www-form-urlencoded, multipart/form-data). OpenAPI's
// `style`, `explode` and Encoding Objects say how a typed value is written as text; the
// generated server reads the text back (zod) and the generated collections write it
// (Postman), so both read one WireForm, decided here (issue #11).
//
// Defaults, as OpenAPI gives them: query and cookie parameters `form` with explode,
// path and header parameters `simple` without; form body fields `form` with explode for
// arrays (`a=1&a=2`), and objects in urlencoded bodies as `name[key]=value` (the
// deepObject convention real form APIs use; OpenAPI 3.1.1 and 3.2 describe urlencoded
// objects that way), in multipart bodies as a JSON part.
#ifndef SPECC_SEMA_WIRE_H_
#define SPECC_SEMA_WIRE_H_

#include <string>
#include <string_view>
#include <vector>

#include "ir/api.h"
#include "sema/schema_meaning.h"

namespace specc::sema {

// What a piece of text is read as.
enum class WireScalar : uint8_t { kString, kInteger, kNumber, kBoolean };

enum class WireShape : uint8_t {
  kScalar,     // one text value, read as `scalar`
  kArray,      // items read as `item`, written as `array_form` says
  kObject,     // properties written as `object_form` says
  kJson,       // a JSON text (a `content`-typed parameter, an application/json part)
  kBinary,     // a file part of a multipart body (format: binary): not text at all
};

enum class ArrayForm : uint8_t {
  kRepeated,   // one key per item: `a=1&a=2` (form + explode)
  kDelimited,  // one value, items joined by `delimiter`: `a=1,2` (form), `1 2`, `1|2`
};

enum class ObjectForm : uint8_t {
  kDeep,          // `name[key]=value` (deepObject, urlencoded bodies)
  kSpread,        // each property its own key: `role=admin&first=Alex` (form + explode)
  kPairs,         // `name=role,admin,first,Alex` (form, or simple without explode)
  kPairsExploded, // `role=admin,first=Alex` (simple + explode, headers and path)
};

struct WireForm {
  WireShape shape = WireShape::kScalar;
  WireScalar scalar = WireScalar::kString;  // kScalar: the value; kArray: each item
  ArrayForm array_form = ArrayForm::kRepeated;
  char delimiter = ',';                     // kArray + kDelimited
  ObjectForm object_form = ObjectForm::kDeep;
  // Path parameters: "simple", "label" (`.a`), "matrix" (`;name=a`).
  std::string path_style = "simple";
  // An empty value reads as null: the value is nullable and not a string.
  bool nullable = false;
  // The query value may hold reserved characters unencoded (`allowReserved`).
  bool allow_reserved = false;
  // kScalar read as a string whose schema also accepts other scalar types (`oneOf:
  // [integer enum, string enum]`, `type: [integer, string]`): the other readings of the
  // text, in this order, each tried when the text as it is does not validate.
  std::vector<WireScalar> alternatives;
};

// What the text of schema `id`'s values reads as: its single type when that is integer,
// number or boolean (and not an enum of strings), otherwise string.
WireScalar TextScalar(const SchemaMeanings& meanings, ir::SchemaId id);

// The scalar types other than string that schema `id`'s values may have when it accepts
// several (a type list, oneOf/anyOf branches, a typeless enum of numbers and strings);
// empty when TextScalar reads the text as its one non-string type.
std::vector<WireScalar> TextAlternatives(const SchemaMeanings& meanings, ir::SchemaId id);

// The wire form of parameter `p`.
WireForm ParameterWire(const SchemaMeanings& meanings, const ir::Parameter& p);

// The wire form of property `name` (schema `schema`) of form body `media`.
WireForm FormFieldWire(const SchemaMeanings& meanings, const ir::MediaType& media, std::string_view name,
                       ir::SchemaId schema);

}  // namespace specc::sema

#endif  // SPECC_SEMA_WIRE_H_
