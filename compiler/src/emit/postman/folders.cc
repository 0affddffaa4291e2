#include "emit/postman/folders.h"

#include <algorithm>
#include <map>

namespace specc::emit::postman {

std::vector<Folder> Folders(const ir::Api& api) {
  std::vector<Folder> folders;
  std::map<std::string, size_t> index;
  for (const ir::Tag& t : api.tags) {
    if (index.count(t.name)) continue;
    index[t.name] = folders.size();
    folders.push_back({t.name, t.description, {}, {}, false});
  }
  std::vector<size_t> untagged;
  for (size_t i = 0; i < api.operations.size(); ++i) {
    const ir::Operation& op = api.operations[i];
    if (op.tags.empty()) {
      untagged.push_back(i);
      continue;
    }
    auto it = index.find(op.tags.front());
    if (it == index.end()) {
      it = index.emplace(op.tags.front(), folders.size()).first;
      folders.push_back({op.tags.front(), "", {}, {}, false});
    }
    folders[it->second].operations.push_back(i);
  }
  if (!untagged.empty()) {
    std::string name = "Untagged";
    while (index.count(name)) name += "_";
    folders.push_back({name, "Operations without a tag", std::move(untagged), {}, false});
  }
  folders.erase(std::remove_if(folders.begin(), folders.end(), [](const Folder& f) { return f.operations.empty(); }),
                folders.end());
  return folders;
}

std::vector<Folder> GroupFolders(const ir::Api& api, std::vector<Folder> tags) {
  if (api.tag_groups.empty()) return tags;
  std::vector<Folder> out;
  std::vector<bool> placed(tags.size(), false);
  for (const ir::TagGroup& g : api.tag_groups) {
    Folder group{g.name, "", {}, {}, true};
    for (const std::string& name : g.tags) {
      for (size_t i = 0; i < tags.size(); ++i) {
        if (placed[i] || tags[i].name != name) continue;
        placed[i] = true;
        group.folders.push_back(std::move(tags[i]));
      }
    }
    if (!group.folders.empty()) out.push_back(std::move(group));
  }
  for (size_t i = 0; i < tags.size(); ++i) {
    if (!placed[i]) out.push_back(std::move(tags[i]));
  }
  return out;
}

}  // namespace specc::emit::postman
