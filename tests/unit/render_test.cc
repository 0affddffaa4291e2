// Render of a view the caller is done with (View&&) moves the view's texts into the
// template's data and frees the view as it reads it: the text it renders must be the text
// a read-only render gives.
#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "base/diag_sink.h"
#include "base/fs.h"
#include "base/source_map.h"
#include "emit/render.h"
#include "emit/template_set.h"

namespace specc::emit {
namespace {

// Every kind of value, nested: objects in lists in objects, empty strings (false), flags.
View Sample() {
  View view;
  view.Set("title", "a title longer than the sixteen bytes a string keeps inline");
  view.Set("empty", "");
  view.Set("flag", true);
  View items = View::List();
  for (int i = 0; i < 3; ++i) {
    View item;
    item.Set("name", "item " + std::to_string(i) + std::string(40, 'x'));
    View inner = View::List();
    View leaf;
    leaf.Set("value", std::to_string(i * i));
    inner.Add(std::move(leaf));
    inner.MarkLast();
    item.Set("inner", std::move(inner));
    items.Add(std::move(item));
  }
  items.MarkLast();
  view.Set("items", std::move(items));
  return view;
}

TEST(RenderTest, AViewMovedInRendersAsTheSameViewRead) {
  MemFs fs;
  fs.Write("tpl/env/env.example.mustache",
           "{{title}}|{{#empty}}never{{/empty}}{{^empty}}empty{{/empty}}|{{#flag}}flag{{/flag}}\n"
           "{{#items}}{{name}}:{{#inner}}{{value}}{{^last}},{{/last}}{{/inner}}{{^last}};{{/last}}{{/items}}\n");
  SourceMap sources;
  DiagSink sink;
  TemplateSet templates = TemplateSet::BuiltIn(sources);
  ASSERT_TRUE(templates.Override("tpl", "tpl", fs, sources, sink).ok());
  const View view = Sample();
  std::optional<std::string> read = Render(templates, "env", "env/env.example.mustache", view, sink);
  View moved = Sample();
  std::optional<std::string> consumed = Render(templates, "env", "env/env.example.mustache", std::move(moved), sink);
  ASSERT_TRUE(read.has_value());
  EXPECT_NE(read->find("item 2"), std::string::npos) << *read;
  EXPECT_NE(read->find("empty|flag"), std::string::npos) << *read;
  EXPECT_EQ(consumed, read);
  EXPECT_TRUE(moved.members().empty()) << "the moved view still holds its members";
  EXPECT_FALSE(sink.has_errors());
}

}  // namespace
}  // namespace specc::emit
