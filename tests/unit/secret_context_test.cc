// Where a secret-shaped value sits is judged once, by the OpenAPI load, from the tree it
// parsed (spec/secret_context.h); the secret review reads that judgement instead of parsing
// the file again, and parses again only files the load did not parse.
#include "spec/secret_context.h"

#include <gtest/gtest.h>

#include "base/diag_sink.h"
#include "base/fs.h"
#include "base/source_map.h"
#include "driver/secret_review.h"
#include "openapi/load.h"

namespace specc {
namespace {

// Secret-shaped (a connection string with a password), but no real credential.
constexpr char kConnection[] = "postgres://svc:Zq8Lm2Pw9Xr4Tb@db.acme.dev/app";

// A description split over three files: the credential schema and the non-credential one
// live in files reached only by `$ref`, one YAML and one JSON.
void WriteSplitDescription(MemFs& fs) {
  fs.Write("spec/root.yaml", std::string("openapi: 3.0.3\ninfo: {title: t, version: '1'}\n") +
                                 "paths:\n"
                                 "  /links:\n"
                                 "    get:\n"
                                 "      x-codeSamples:\n"
                                 "        - lang: sh\n"
                                 "          source: export ACME_SIGNING_SECRET=Zq8Lm2Pw9Xr4Tb7Kc1Vn6Hd3Jf5Gs0\n"
                                 "      responses:\n"
                                 "        '200':\n"
                                 "          description: ok\n"
                                 "          content:\n"
                                 "            application/json:\n"
                                 "              schema: {$ref: 'parts/link.yaml#/Link'}\n"
                                 "components:\n"
                                 "  schemas:\n"
                                 "    Db: {$ref: 'parts/db.json#/Db'}\n");
  fs.Write("spec/parts/link.yaml", std::string("Link:\n"
                                               "  type: object\n"
                                               "  properties:\n"
                                               "    connection_secret:\n"
                                               "      type: string\n"
                                               "      example: ") +
                                       kConnection + "\n");
  fs.Write("spec/parts/db.json", std::string("{\"Db\": {\"type\": \"object\",\n"
                                             "  \"description\": \"reads ") +
                                     kConnection +
                                     "\",\n"
                                     "  \"properties\": {\"database\": {\"type\": \"string\",\n"
                                     "    \"example\": \"" +
                                     kConnection + "\"}}}}\n");
}

FileId FileNamed(const SourceMap& sources, std::string_view path) {
  for (FileId file = 0; file < sources.file_count(); ++file) {
    if (sources.path(file) == path) return file;
  }
  ADD_FAILURE() << "no file " << path;
  return kNoFile;
}

std::string Describe(const SecretFinding& f) {
  std::string out = std::string(f.hit.rule) + "@" + std::to_string(f.hit.offset) + " " + f.fingerprint;
  if (!f.place) return out + " (no place)";
  return out + (f.place->in_example ? " example" : "") + (f.place->code_sample ? " code-sample" : "") +
         (f.place->credential ? " credential" : "") + " field=" + f.place->field;
}

std::vector<std::string> Describe(const std::vector<SecretFinding>& findings) {
  std::vector<std::string> out;
  for (const SecretFinding& f : findings) out.push_back(Describe(f));
  return out;
}

TEST(SecretContextTest, LoadPlacesEachFindingInItsOwnFilesTree) {
  MemFs fs;
  WriteSplitDescription(fs);
  SourceMap sources;
  DiagSink sink;
  ASSERT_TRUE(openapi::LoadApi("spec/root.yaml", fs, sources, sink, ".").has_value());
  ASSERT_FALSE(sink.has_errors());

  const std::vector<SecretFinding>* link = sources.RecordedSecrets(FileNamed(sources, "spec/parts/link.yaml"));
  ASSERT_NE(link, nullptr);
  ASSERT_EQ(link->size(), 1u);
  ASSERT_TRUE((*link)[0].place.has_value());
  EXPECT_TRUE((*link)[0].place->in_example);
  EXPECT_TRUE((*link)[0].place->credential);
  EXPECT_FALSE((*link)[0].place->code_sample);
  EXPECT_EQ((*link)[0].place->field, "connection_secret");

  const std::vector<SecretFinding>* db = sources.RecordedSecrets(FileNamed(sources, "spec/parts/db.json"));
  ASSERT_NE(db, nullptr);
  ASSERT_EQ(db->size(), 2u);
  ASSERT_TRUE((*db)[0].place.has_value());  // the description: no example
  EXPECT_FALSE((*db)[0].place->in_example);
  ASSERT_TRUE((*db)[1].place.has_value());  // an example of a field that is no credential
  EXPECT_TRUE((*db)[1].place->in_example);
  EXPECT_FALSE((*db)[1].place->credential);
  EXPECT_EQ((*db)[1].place->field, "example");  // the value's own key

  const std::vector<SecretFinding>* root = sources.RecordedSecrets(FileNamed(sources, "spec/root.yaml"));
  ASSERT_NE(root, nullptr);
  ASSERT_EQ(root->size(), 1u);
  ASSERT_TRUE((*root)[0].place.has_value());
  EXPECT_TRUE((*root)[0].place->code_sample);

  // Parsing a file again gives the same judgement as the load's tree did.
  for (FileId file = 0; file < sources.file_count(); ++file) {
    SCOPED_TRACE(sources.path(file));
    EXPECT_EQ(Describe(*sources.RecordedSecrets(file)),
              Describe(spec::FindSecretsByParsing(file, sources.path(file), sources.contents(file))));
  }
}

// With background work on (a run with -j above 1), files of a megabyte and more are
// scanned on another thread while the description is lowered: the findings recorded are
// the ones the scan on the loading thread records.
TEST(SecretContextTest, LargeFilesScannedOnAnotherThreadAreJudgedAlike) {
  MemFs fs;
  WriteSplitDescription(fs);
  // Each file grows past a megabyte with a schema of its own that nothing references.
  std::string filler(size_t{1} << 20, 'f');
  fs.Write("spec/parts/link.yaml", fs.Read("spec/parts/link.yaml").value() + "Filler:\n  description: " + filler + "\n");
  std::string db = fs.Read("spec/parts/db.json").value();
  db.insert(db.rfind('}'), ", \"Filler\": {\"description\": \"" + filler + "\"}");
  fs.Write("spec/parts/db.json", db);
  fs.Write("spec/root.yaml", fs.Read("spec/root.yaml").value() + "    Filler: {description: " + filler + "}\n");
  SourceMap serial, background;
  background.set_background_work(true);
  DiagSink serial_sink, background_sink;
  ASSERT_TRUE(openapi::LoadApi("spec/root.yaml", fs, serial, serial_sink, ".").has_value());
  ASSERT_TRUE(openapi::LoadApi("spec/root.yaml", fs, background, background_sink, ".").has_value());
  ASSERT_FALSE(background_sink.has_errors());
  ASSERT_EQ(background.file_count(), 3u);
  for (FileId file = 0; file < background.file_count(); ++file) {
    SCOPED_TRACE(background.path(file));
    ASSERT_GT(background.size(file), size_t{1} << 20);
    const std::vector<SecretFinding>* found = background.RecordedSecrets(file);
    ASSERT_NE(found, nullptr);
    EXPECT_FALSE(found->empty());
    EXPECT_EQ(Describe(*found), Describe(*serial.RecordedSecrets(FileNamed(serial, background.path(file)))));
  }
}

TEST(SecretContextTest, OnlyYamlAndJsonFilesArePlaced) {
  std::string text = std::string("example: ") + kConnection + "\n";
  SourceMap sources;
  FileId file = sources.Add("spec/notes.txt", text);
  std::vector<SecretFinding> findings = spec::FindSecretsByParsing(file, sources.path(file), text);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_FALSE(findings[0].place.has_value());
  EXPECT_FALSE(spec::FindSecretsInTree("spec/notes.txt", text, nullptr)[0].place.has_value());
}

std::vector<std::string> Reported(const DiagSink& sink) {
  std::vector<std::string> out;
  for (const Diagnostic& d : sink.diagnostics()) out.push_back(std::string(DiagCodeName(d.code)) + " " + d.message);
  return out;
}

TEST(SecretReviewTest, ReadsWhatTheLoadRecordedAndParsesTheRestAgain) {
  MemFs fs;
  WriteSplitDescription(fs);
  SourceMap loaded;
  DiagSink load_sink;
  ASSERT_TRUE(openapi::LoadApi("spec/root.yaml", fs, loaded, load_sink, ".").has_value());
  DiagSink from_load;
  driver::ReviewSpecSecrets(0, {}, ".", fs, loaded, from_load);

  // The same files, added as the run cache adds them: as text, never parsed.
  SourceMap unparsed;
  for (FileId file = 0; file < loaded.file_count(); ++file) {
    unparsed.Add(loaded.path(file), std::string(loaded.contents(file)));
    ASSERT_EQ(unparsed.RecordedSecrets(file), nullptr);
  }
  DiagSink from_text;
  driver::ReviewSpecSecrets(0, {}, ".", fs, unparsed, from_text);
  EXPECT_EQ(Reported(from_load), Reported(from_text));
  EXPECT_EQ(Reported(from_load),
            (std::vector<std::string>{
                "SECRET_EXAMPLE a code sample holds a `secret-assignment`-shaped value; taken for documentation",
                "SECRET_IN_SPEC a `connection-string-password`-shaped secret in a spec file",
                "SECRET_IN_SPEC a `connection-string-password`-shaped secret in a spec file, in the example of "
                "`example`",
                "SECRET_EXAMPLE the example of credential field `connection_secret` holds a "
                "`connection-string-password`-shaped value; taken for documentation"}));

  // A run that reviews no secrets (diff, plan) has its load record none, and a review of
  // it would still parse the files again to say the same.
  SourceMap unwanted;
  unwanted.set_secrets_wanted(false);
  DiagSink unwanted_load;
  ASSERT_TRUE(openapi::LoadApi("spec/root.yaml", fs, unwanted, unwanted_load, ".").has_value());
  for (FileId file = 0; file < unwanted.file_count(); ++file) EXPECT_EQ(unwanted.RecordedSecrets(file), nullptr);
  DiagSink from_unwanted;
  driver::ReviewSpecSecrets(0, {}, ".", fs, unwanted, from_unwanted);
  EXPECT_EQ(Reported(from_load), Reported(from_unwanted));

  // The review takes the load's judgement as it stands: it does not parse a recorded file.
  SourceMap judged;
  FileId file = judged.Add("spec/x.yaml", std::string("description: ") + kConnection + "\n");
  std::vector<SecretFinding> findings = spec::FindSecretsByParsing(file, "spec/x.yaml", judged.contents(file));
  ASSERT_EQ(findings.size(), 1u);
  findings[0].place = SecretPlace{.in_example = true, .code_sample = false, .credential = true, .field = "token"};
  judged.RecordSecrets(file, findings);
  DiagSink recorded;
  driver::ReviewSpecSecrets(0, {}, ".", fs, judged, recorded);
  ASSERT_EQ(recorded.diagnostics().size(), 1u);
  EXPECT_EQ(recorded.diagnostics()[0].code, DiagCode::kSecretExample);
}

}  // namespace
}  // namespace specc
