#include "ir/api.h"

namespace specc::ir {

const char* ParamInName(ParamIn in) {
  switch (in) {
    case ParamIn::kPath:
      return "path";
    case ParamIn::kQuery:
      return "query";
    case ParamIn::kHeader:
      return "header";
    case ParamIn::kCookie:
      return "cookie";
  }
  return "query";
}

}  // namespace specc::ir
