// The folders of a Postman collection: one per tag, nested in the groups of
// `x-tagGroups`.
#ifndef SPECC_EMIT_POSTMAN_FOLDERS_H_
#define SPECC_EMIT_POSTMAN_FOLDERS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "ir/api.h"

namespace specc::emit::postman {

struct Folder {
  std::string name, description;
  std::vector<size_t> operations;  // indexes into api.operations
  std::vector<Folder> folders;     // a tag group's tag folders
  bool group = false;
};

// Folders by tag: the first tag of each operation (exactly one request per operation),
// in the order the document declares its tags, then undeclared tags in order of use, then
// untagged operations in a folder of their own.
std::vector<Folder> Folders(const ir::Api& api);

// Nests the tag folders in the groups of `x-tagGroups`, in the groups' order; a tag that
// several groups name goes in the first. Folders no group names stay at the top level,
// after the groups, so that every operation keeps its one request.
std::vector<Folder> GroupFolders(const ir::Api& api, std::vector<Folder> tags);

}  // namespace specc::emit::postman

#endif  // SPECC_EMIT_POSTMAN_FOLDERS_H_
