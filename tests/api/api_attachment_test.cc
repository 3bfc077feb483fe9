// Request attachments through the real server (issue 4 §7): the annexes the issuing side sends and
// the results the executing side sends back, kept with the SHA-256 the server computed.
//   - an upload (Arabic file name; bytes with NUL and high bytes) downloads as the same bytes,
//     with its media type, a Content-Disposition carrying the exact UTF-8 name (filename*), and
//     Repr-Digest / X-Content-SHA256 equal to the SHA-256 computed here;
//   - a wrong X-Content-SHA256, an empty body, a bad name or media type, a 51st file, a body over
//     32 MiB: refused with the contract's code, and nothing stored (SQLite digest);
//   - the executing side sees nothing before the request is sent, then adds results; only the
//     issuer removes, only in draft; a final state takes nothing more; reads need a purpose;
//   - the printed document lists each attachment's SHA-256; the audit log holds
//     request_attachment.create with the other party as recipient once the request is sent;
//   - bytes altered in the database are refused on download (attachment.integrity_failure).
// One server (demo data) for the program; the corruption test has its own.

#include <map>
#include <set>
#include <string>
#include <vector>

#include <openssl/evp.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/api_client.h"
#include "support/demo_platform.h"
#include "support/fixtures.h"
#include "support/sqlite_db.h"
#include "support/test_server.h"

namespace taawun::testing {
namespace {

using nlohmann::json;

std::string id_of(const json& j) { return j.is_object() ? j.value("id", "") : ""; }

// SHA-256 through OpenSSL, independently of the server's own code.
std::string sha256_raw(const std::string& data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EXPECT_EQ(EVP_Digest(data.data(), data.size(), md, &n, EVP_sha256(), nullptr), 1);
  return std::string(reinterpret_cast<const char*>(md), n);
}

std::string hex(const std::string& raw) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : raw) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

std::string base64(const std::string& raw) {
  std::string out(4 * ((raw.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(raw.data()),
                                static_cast<int>(raw.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

std::string upper_hex(std::string s) { return upper(s); }

// Every byte value, NULs among them, then `tag`: a binary file no text path would keep intact.
std::string binary_file(const std::string& tag) {
  std::string out;
  for (int round = 0; round < 3; ++round) {
    for (int b = 0; b < 256; ++b) out += static_cast<char>(b);
    out += std::string(5, '\0');
  }
  return out + tag;
}

// RFC 8187 ext-value "UTF-8''<pct-encoded>" decoded; "" when the form is not that.
std::string decode_ext_value(const std::string& value) {
  const std::string prefix = "UTF-8''";
  if (value.rfind(prefix, 0) != 0) return {};
  std::string out;
  for (size_t i = prefix.size(); i < value.size(); ++i) {
    if (value[i] == '%' && i + 2 < value.size()) {
      out += static_cast<char>(std::stoi(value.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += value[i];
    }
  }
  return out;
}

// The filename* parameter of a Content-Disposition value, decoded.
std::string disposition_filename(const std::string& header) {
  const std::string key = "filename*=";
  const size_t at = header.find(key);
  if (at == std::string::npos) return {};
  std::string value = header.substr(at + key.size());
  value = value.substr(0, value.find(';'));
  while (!value.empty() && value.back() == ' ') value.pop_back();
  return decode_ext_value(value);
}

bool ignored_table(std::string_view name) {
  for (const char* word : {"audit", "session", "login", "lock", "attempt", "checkpoint"}) {
    if (name.find(word) != std::string_view::npos) return true;
  }
  return false;
}

class ApiAttachmentTest : public DemoPlatformSuite<ApiAttachmentTest> {
 protected:
  static std::string user_id(const std::string& user) { return platform_->user_id(user); }
  static std::string ma_proceeding() {
    return platform_->proceeding_id("RBA-2026-TER-0042", "ma.prosecutor");
  }

  // A complete MLA request MA -> FR, as created (draft).
  static std::string create_mla(json changes = json::object()) {
    json body = mla_request_body(ma_proceeding(), random_letters(12), "FR");
    body.merge_patch(changes);
    HttpResponse r = as("ma.prosecutor").post("/requests", body);
    EXPECT_EQ(r.status, 201) << r.describe();
    return id_of(r.json());
  }

  static void move(const std::string& user, const std::string& id, const std::string& to) {
    HttpResponse r = as(user).post("/requests/" + id + "/transitions", {{"to", to}});
    EXPECT_EQ(r.status, 200) << user << " -> " << to << ": " << r.describe();
  }

  // A request MA -> FR that FR has (sent).
  static std::string sent_mla() {
    const std::string id = create_mla();
    move("ma.prosecutor", id, "validated");
    move("ma.prosecutor", id, "sent");
    return id;
  }

  static HttpResponse upload(const std::string& user, const std::string& request_id,
                             const std::string& filename, std::string content,
                             std::string media_type = "application/pdf",
                             std::vector<Header> headers = {}) {
    if (!media_type.empty()) headers.push_back({"Content-Type", std::move(media_type)});
    return as(user).send({"POST",
                          std::string(kApi) + "/requests/" + request_id +
                              "/attachments?filename=" + url_encode(filename),
                          std::move(content), std::move(headers)});
  }

  static HttpResponse list(const std::string& user, const std::string& request_id) {
    return as(user).get("/requests/" + request_id + "/attachments");
  }

  static std::vector<std::string> listed_ids(const std::string& user,
                                             const std::string& request_id) {
    HttpResponse r = list(user, request_id);
    EXPECT_EQ(r.status, 200) << r.describe();
    std::vector<std::string> out;
    for (const json& a : json_member(r, "items")) out.push_back(id_of(a));
    return out;
  }

  static HttpResponse download(const std::string& user, const std::string& request_id,
                               const std::string& attachment_id) {
    return as(user).get("/requests/" + request_id + "/attachments/" + attachment_id);
  }

  static HttpResponse remove(const std::string& user, const std::string& request_id,
                             const std::string& attachment_id) {
    return as(user).del("/requests/" + request_id + "/attachments/" + attachment_id, std::nullopt);
  }
};

TEST_F(ApiAttachmentTest, UploadThenDownloadGivesTheSameBytesNameTypeAndDigests) {
  const std::string id = create_mla();
  const std::string filename = "محضر الاستماع إلى الشاهد – annexe n°1.pdf";
  const std::string content = binary_file(random_letters(10));
  const std::string digest = sha256_raw(content);

  HttpResponse created = upload("ma.prosecutor", id, filename, content, "application/pdf",
                                {{"X-Content-SHA256", hex(digest)}});
  ASSERT_EQ(created.status, 201) << created.describe();
  const json a = created.json();
  EXPECT_EQ(a["id"].get<std::string>().rfind("att_", 0), 0u) << a.dump();
  EXPECT_EQ(created.header("location"), "/api/v1/requests/" + id + "/attachments/" + id_of(a));
  EXPECT_EQ(a["request_id"], id);
  EXPECT_EQ(a["filename"], filename);
  EXPECT_EQ(a["media_type"], "application/pdf");
  EXPECT_EQ(a["size"], content.size());
  EXPECT_EQ(a["sha256"], hex(digest));
  EXPECT_EQ(a["uploaded_by"], user_id("ma.prosecutor"));
  EXPECT_EQ(a["uploaded_by_country"], "MA");
  EXPECT_TRUE(parse_utc_millis(a.value("uploaded_at", ""))) << a.dump();

  HttpResponse listed = list("ma.prosecutor", id);
  ASSERT_EQ(listed.status, 200) << listed.describe();
  EXPECT_EQ(json_member(listed, "items"), json::array({a}));

  HttpResponse file = download("ma.prosecutor", id, id_of(a));
  ASSERT_EQ(file.status, 200) << file.describe();
  EXPECT_EQ(file.body.size(), content.size());
  EXPECT_TRUE(file.body == content) << "the downloaded bytes differ from the uploaded ones";
  EXPECT_EQ(file.header("content-type"), "application/pdf");
  const std::string disposition = file.header("content-disposition");
  EXPECT_EQ(disposition.rfind("attachment;", 0), 0u) << disposition;
  EXPECT_NE(disposition.find("filename=\""), std::string::npos) << disposition;
  EXPECT_EQ(disposition_filename(disposition), filename) << disposition;
  EXPECT_EQ(file.header("repr-digest"), "sha-256=:" + base64(digest) + ":");
  EXPECT_EQ(file.header("x-content-sha256"), hex(digest));

  // The media type is kept without its parameters, lower-cased; a hash in capitals is accepted.
  const std::string text = "Procès-verbal fictif\nمحضر تجريبي\n";
  HttpResponse second = upload("ma.prosecutor", id, "pv.txt", text, "Text/Plain; charset=UTF-8",
                               {{"X-Content-SHA256", upper_hex(hex(sha256_raw(text)))}});
  ASSERT_EQ(second.status, 201) << second.describe();
  EXPECT_EQ(second.json()["media_type"], "text/plain");
  HttpResponse text_file = download("ma.prosecutor", id, id_of(second.json()));
  ASSERT_EQ(text_file.status, 200) << text_file.describe();
  EXPECT_EQ(text_file.body, text);
  EXPECT_EQ(text_file.header("content-type").rfind("text/plain", 0), 0u)
      << text_file.header("content-type");
  EXPECT_EQ(disposition_filename(text_file.header("content-disposition")), "pv.txt");
  EXPECT_EQ(listed_ids("ma.prosecutor", id),
            (std::vector<std::string>{id_of(a), id_of(second.json())}))
      << "oldest first";
}

TEST_F(ApiAttachmentTest, AWrongHashOrABadFileIsRefusedAndNothingIsStored) {
  const std::string id = create_mla();
  const std::string content = binary_file("x");
  const auto before = table_digests(server().db_path(), ignored_table);
  ASSERT_FALSE(before.count("<error>")) << before.at("<error>");

  std::string wrong = hex(sha256_raw(content));
  wrong[0] = wrong[0] == '0' ? '1' : '0';
  EXPECT_TRUE(is_problem(upload("ma.prosecutor", id, "a.pdf", content, "application/pdf",
                                {{"X-Content-SHA256", wrong}}),
                         422, "attachment.hash_mismatch", "content_sha256"));
  EXPECT_TRUE(is_problem(upload("ma.prosecutor", id, "a.pdf", content, "application/pdf",
                                {{"X-Content-SHA256", "not-a-hash"}}),
                         422, "attachment.hash_mismatch", "content_sha256"));
  EXPECT_TRUE(is_problem(upload("ma.prosecutor", id, "a.pdf", ""), 422, "attachment.empty"));
  for (const char* name : {"../x", "..", ".", "a/b.pdf", "a\\b.pdf"}) {
    EXPECT_TRUE(is_problem(upload("ma.prosecutor", id, name, content), 422,
                           "validation.invalid_value", "filename"))
        << "file name \"" << name << "\"";
  }
  // Control characters are refused before the route, like in any other text (api_safeguards_test).
  for (const char* name : {"a\nb.pdf", "a\x7f.pdf", "a\u202Efdp.exe"}) {
    EXPECT_TRUE(is_problem(upload("ma.prosecutor", id, name, content), 422,
                           "validation.unsafe_character", "filename"))
        << "file name \"" << name << "\"";
  }
  EXPECT_TRUE(is_problem(upload("ma.prosecutor", id, std::string(256, 'a'), content), 422,
                         "validation.invalid_value", "filename"));
  EXPECT_TRUE(is_problem(upload("ma.prosecutor", id, "", content), 422, "validation.missing_field",
                         "filename"));
  EXPECT_TRUE(is_problem(as("ma.prosecutor")
                             .send({"POST",
                                    std::string(kApi) + "/requests/" + id + "/attachments",
                                    content,
                                    {{"Content-Type", "application/pdf"}}}),
                         422, "validation.missing_field", "filename"));
  for (const char* type : {"not a type", "pdf", "application/", "/pdf", "text/plain/x", ""}) {
    EXPECT_TRUE(is_problem(upload("ma.prosecutor", id, "a.pdf", content, type), 422,
                           "validation.invalid_value", "media_type"))
        << "media type \"" << type << "\"";
  }
  // Over 32 MiB: 413 before anything is read into the request.
  HttpResponse big =
      upload("ma.prosecutor", id, "big.bin", std::string((32u << 20) + 1, 'z'), "application/zip");
  EXPECT_TRUE(is_problem(big, 413, "request.too_large")) << big.describe();

  EXPECT_TRUE(listed_ids("ma.prosecutor", id).empty());
  EXPECT_EQ(table_digests(server().db_path(), ignored_table), before)
      << "a refused upload changed the database";
}

TEST_F(ApiAttachmentTest, ARequestHoldsAtMostFiftyAttachments) {
  const std::string id = create_mla();
  for (int i = 0; i < 50; ++i) {
    HttpResponse r = upload("ma.prosecutor", id, "piece-" + std::to_string(i) + ".txt",
                            "piece " + std::to_string(i), "text/plain");
    ASSERT_EQ(r.status, 201) << i << ": " << r.describe();
  }
  EXPECT_TRUE(is_problem(upload("ma.prosecutor", id, "one-more.txt", "51", "text/plain"), 422,
                         "attachment.too_many"));
  EXPECT_EQ(listed_ids("ma.prosecutor", id).size(), 50u);
}

TEST_F(ApiAttachmentTest, TheExecutingSideSeesAttachmentsOnceSentAndOnlyTheIssuerRemovesInDraft) {
  const std::string id = create_mla();
  HttpResponse annex = upload("ma.prosecutor", id, "annexe.pdf", binary_file("annexe"));
  ASSERT_EQ(annex.status, 201) << annex.describe();
  HttpResponse draft_only = upload("ma.liaison", id, "brouillon.pdf", binary_file("brouillon"));
  ASSERT_EQ(draft_only.status, 201) << draft_only.describe();
  const std::string annex_id = id_of(annex.json()), draft_id = id_of(draft_only.json());

  // A draft is the issuer's alone: its attachments are as unknown to FR as a missing request's.
  EXPECT_TRUE(is_problem(list("fr.prosecutor", id), 404, "not_found"));
  EXPECT_TRUE(is_problem(download("fr.prosecutor", id, annex_id), 404, "not_found"));
  EXPECT_TRUE(is_problem(remove("fr.prosecutor", id, annex_id), 404, "not_found"));
  EXPECT_TRUE(is_problem(upload("fr.prosecutor", id, "r.pdf", "x"), 404, "not_found"));
  EXPECT_TRUE(is_problem(list("be.prosecutor", id), 404, "not_found"));

  // Roles: the analyst reads, does not write; the auditor reads the audit log, not the files.
  EXPECT_EQ(list("ma.analyst", id).status, 200);
  EXPECT_TRUE(is_problem(upload("ma.analyst", id, "a.pdf", "x"), 403, "auth.forbidden"));
  EXPECT_TRUE(is_problem(remove("ma.analyst", id, draft_id), 403, "auth.forbidden"));
  EXPECT_TRUE(is_problem(list("ma.auditor", id), 403, "auth.forbidden"));

  // Reads need a purpose.
  EXPECT_TRUE(is_problem(as("ma.prosecutor").get("/requests/" + id + "/attachments", std::nullopt),
                         428, "purpose.required"));
  EXPECT_TRUE(is_problem(
      as("ma.prosecutor").get("/requests/" + id + "/attachments/" + annex_id, std::nullopt), 428,
      "purpose.required"));

  // The issuer removes a draft's attachment; it is gone.
  HttpResponse removed = remove("ma.prosecutor", id, draft_id);
  EXPECT_EQ(removed.status, 204) << removed.describe();
  EXPECT_TRUE(removed.body.empty());
  EXPECT_TRUE(is_problem(download("ma.prosecutor", id, draft_id), 404, "not_found"));
  EXPECT_TRUE(is_problem(remove("ma.prosecutor", id, draft_id), 404, "not_found"));
  EXPECT_EQ(listed_ids("ma.prosecutor", id), std::vector<std::string>{annex_id});

  // Validated: no longer removable, still attachable by the issuer.
  move("ma.prosecutor", id, "validated");
  EXPECT_TRUE(is_problem(remove("ma.prosecutor", id, annex_id), 409, "request.not_draft"));
  HttpResponse late = upload("ma.prosecutor", id, "complement.pdf", binary_file("complement"));
  ASSERT_EQ(late.status, 201) << late.describe();
  EXPECT_TRUE(is_problem(list("fr.prosecutor", id), 404, "not_found")) << "not sent yet";

  // Sent: FR sees both, downloads them, and attaches its results; it removes nothing.
  move("ma.prosecutor", id, "sent");
  EXPECT_EQ(listed_ids("fr.liaison", id), (std::vector<std::string>{annex_id, id_of(late.json())}));
  HttpResponse fr_copy = download("fr.prosecutor", id, annex_id);
  ASSERT_EQ(fr_copy.status, 200) << fr_copy.describe();
  EXPECT_TRUE(fr_copy.body == binary_file("annexe"));
  HttpResponse results = upload("fr.liaison", id, "résultats.pdf", binary_file("resultats"));
  ASSERT_EQ(results.status, 201) << results.describe();
  EXPECT_EQ(results.json()["uploaded_by_country"], "FR");
  EXPECT_EQ(results.json()["uploaded_by"], user_id("fr.liaison"));
  const std::string results_id = id_of(results.json());
  EXPECT_TRUE(is_problem(remove("fr.liaison", id, results_id), 403, "request.wrong_side"));
  EXPECT_TRUE(is_problem(remove("fr.prosecutor", id, annex_id), 403, "request.wrong_side"));
  EXPECT_TRUE(is_problem(remove("ma.prosecutor", id, results_id), 409, "request.not_draft"));
  EXPECT_TRUE(is_problem(remove("ma.prosecutor", id, annex_id), 409, "request.not_draft"));
  HttpResponse ma_copy = download("ma.prosecutor", id, results_id);
  ASSERT_EQ(ma_copy.status, 200) << ma_copy.describe();
  EXPECT_TRUE(ma_copy.body == binary_file("resultats"));
  EXPECT_EQ(listed_ids("ma.prosecutor", id).size(), 3u);
  // A third country still sees nothing.
  EXPECT_TRUE(is_problem(list("be.prosecutor", id), 404, "not_found"));
  EXPECT_TRUE(is_problem(download("be.prosecutor", id, results_id), 404, "not_found"));
  // An attachment id under another request is unknown there.
  const std::string other = create_mla();
  EXPECT_TRUE(is_problem(download("ma.prosecutor", other, annex_id), 404, "not_found"));
  EXPECT_TRUE(is_problem(remove("ma.prosecutor", other, annex_id), 404, "not_found"));
  EXPECT_EQ(listed_ids("ma.prosecutor", id).size(), 3u);

  // A final state: nothing more is attached, by either side; what is there is still served.
  move("ma.prosecutor", id, "withdrawn");
  EXPECT_TRUE(is_problem(upload("ma.prosecutor", id, "tard.pdf", "x"), 409, "request.closed"));
  EXPECT_TRUE(is_problem(upload("fr.liaison", id, "tard.pdf", "x"), 409, "request.closed"));
  EXPECT_TRUE(is_problem(remove("ma.prosecutor", id, annex_id), 409, "request.not_draft"));
  EXPECT_EQ(listed_ids("fr.prosecutor", id).size(), 3u);
  EXPECT_EQ(download("fr.prosecutor", id, results_id).status, 200);
}

TEST_F(ApiAttachmentTest, TheDocumentListsEachAttachmentWithItsSha256) {
  const std::string id = create_mla();
  const std::string first = binary_file("document-1"), second = "deuxieme piece";
  ASSERT_EQ(upload("ma.prosecutor", id, "jugement.pdf", first).status, 201);
  ASSERT_EQ(upload("ma.prosecutor", id, "traduction.txt", second, "text/plain").status, 201);
  for (const char* lang : {"fr", "ar"}) {
    HttpResponse doc = as("ma.prosecutor").get("/requests/" + id + "/document?lang=" + lang);
    ASSERT_EQ(doc.status, 200) << doc.describe();
    for (const std::string& content : {first, second}) {
      EXPECT_NE(doc.body.find(hex(sha256_raw(content))), std::string::npos)
          << lang << ": the document does not list " << hex(sha256_raw(content));
    }
    EXPECT_NE(doc.body.find("jugement.pdf"), std::string::npos) << lang;
    EXPECT_NE(doc.body.find("traduction.txt"), std::string::npos) << lang;
  }
}

TEST_F(ApiAttachmentTest, TheAuditLogRecordsEachOperationAndTheRecipientOnceSent) {
  const std::string id = create_mla();
  HttpResponse before = upload("ma.prosecutor", id, "avant.pdf", binary_file("avant"));
  ASSERT_EQ(before.status, 201) << before.describe();
  HttpResponse gone = upload("ma.prosecutor", id, "retire.pdf", binary_file("retire"));
  ASSERT_EQ(gone.status, 201) << gone.describe();
  ASSERT_EQ(remove("ma.prosecutor", id, id_of(gone.json())).status, 204);
  move("ma.prosecutor", id, "validated");
  move("ma.prosecutor", id, "sent");
  HttpResponse after = upload("ma.prosecutor", id, "apres.pdf", binary_file("apres"));
  ASSERT_EQ(after.status, 201) << after.describe();
  HttpResponse results = upload("fr.liaison", id, "resultats.pdf", binary_file("resultats"));
  ASSERT_EQ(results.status, 201) << results.describe();
  ASSERT_EQ(list("fr.liaison", id).status, 200);
  ASSERT_EQ(download("fr.liaison", id, id_of(after.json())).status, 200);

  // object id -> events, for one operation prefix, as `auditor` sees them.
  auto events = [&](const std::string& auditor) {
    std::multimap<std::string, json> out;
    ApiClient client = as(auditor);
    for (const json& e : list_all(client, "/audit")) {
      if (e.value("operation", "").rfind("request_attachment.", 0) == 0) {
        out.emplace(e.value("object_id", ""), e);
      }
    }
    return out;
  };
  auto one = [](const std::multimap<std::string, json>& all, const std::string& object,
                const std::string& operation) {
    std::vector<json> found;
    auto [from, to] = all.equal_range(object);
    for (auto it = from; it != to; ++it) {
      if (it->second["operation"] == operation) found.push_back(it->second);
    }
    EXPECT_EQ(found.size(), 1u) << operation << " on " << object;
    return found.empty() ? json::object() : found[0];
  };
  const auto ma = events("ma.auditor");
  const json created_before = one(ma, id_of(before.json()), "request_attachment.create");
  EXPECT_EQ(created_before.value("recipients", "?"), "") << "nothing disclosed before sending";
  EXPECT_EQ(created_before["object_type"], "request_attachment");
  EXPECT_EQ(created_before["detail_hash"], before.json()["sha256"]);
  EXPECT_EQ(created_before["actor"]["user_id"], user_id("ma.prosecutor"));
  EXPECT_EQ(one(ma, id_of(gone.json()), "request_attachment.delete")["outcome"],
            one(ma, id_of(before.json()), "request_attachment.create")["outcome"]);
  const json created_after = one(ma, id_of(after.json()), "request_attachment.create");
  EXPECT_EQ(created_after["recipients"], "FR") << created_after.dump();
  EXPECT_EQ(created_after["detail_hash"], after.json()["sha256"]);
  // No personal data in clear: the file name is not in the log.
  for (const auto& [object, e] : ma) EXPECT_EQ(e.dump().find("apres.pdf"), std::string::npos);

  const auto fr = events("fr.auditor");
  const json fr_created = one(fr, id_of(results.json()), "request_attachment.create");
  EXPECT_EQ(fr_created["recipients"], "MA") << fr_created.dump();
  EXPECT_EQ(fr_created["actor"]["country"], "FR");
  one(fr, id, "request_attachment.list");
  EXPECT_EQ(one(fr, id_of(after.json()), "request_attachment.read")["actor"]["user_id"],
            user_id("fr.liaison"));
  // Each country's log holds its own users' actions only.
  for (const auto& [object, e] : fr) EXPECT_EQ(e["actor"]["country"], "FR") << e.dump();
  for (const auto& [object, e] : ma) EXPECT_EQ(e["actor"]["country"], "MA") << e.dump();
}

// Bytes altered behind the server's back (here in the SQLite file while it is stopped) are never
// served: the download re-hashes them and refuses.
TEST(ApiAttachmentIntegrityTest, AlteredBytesAreRefusedOnDownload) {
  TestServer server(TestServerOptions{.memory_backed = true});
  ASSERT_TRUE(server.create_demo());
  ASSERT_TRUE(server.start());
  auto client = [&] {
    HttpResponse r;
    std::string token = login(server.port(), "ma.prosecutor", server.password(), &r);
    EXPECT_FALSE(token.empty()) << r.describe();
    return ApiClient(server.port(), token);
  };
  ApiClient ma = client();
  HttpResponse list = ma.get("/proceedings?reference=RBA-2026-TER-0042");
  ASSERT_EQ(list.status, 200) << list.describe();
  ASSERT_EQ(list.json()["items"].size(), 1u);
  HttpResponse created = ma.post(
      "/requests",
      mla_request_body(list.json()["items"][0]["id"].get<std::string>(), random_letters(12), "FR"));
  ASSERT_EQ(created.status, 201) << created.describe();
  const std::string id = id_of(created.json());
  auto send = [&](ApiClient& c, const std::string& name, const std::string& content) {
    return c.send({"POST",
                   std::string(kApi) + "/requests/" + id + "/attachments?filename=" + name,
                   content,
                   {{"Content-Type", "application/octet-stream"}}});
  };
  const std::string original = "ORIGINAL-" + binary_file(random_letters(12));
  HttpResponse victim = send(ma, "pv.bin", original);
  ASSERT_EQ(victim.status, 201) << victim.describe();
  HttpResponse intact = send(ma, "intact.bin", binary_file("intact"));
  ASSERT_EQ(intact.status, 201) << intact.describe();
  const std::string victim_id = id_of(victim.json());
  ASSERT_EQ(ma.get("/requests/" + id + "/attachments/" + victim_id).status, 200);

  ASSERT_TRUE(server.stop());
  const std::string altered = "ALTERED-" + original.substr(8);
  ASSERT_EQ(altered.size(), original.size());
  std::string error =
      exec_sql(server.db_path(), "UPDATE request_attachments SET content = X'" + hex(altered) +
                                     "' WHERE id = '" + victim_id + "'");
  ASSERT_EQ(error, "");
  auto rows = query(server.db_path(),
                    "SELECT count(*) FROM request_attachments WHERE id = '" + victim_id + "'");
  ASSERT_EQ(rows.size(), 1u);
  ASSERT_EQ(rows[0][0], "1");
  ASSERT_TRUE(server.start()) << server.logs();

  ApiClient again = client();
  HttpResponse refused = again.get("/requests/" + id + "/attachments/" + victim_id);
  EXPECT_TRUE(is_problem(refused, 500, "attachment.integrity_failure")) << refused.describe();
  EXPECT_EQ(refused.body.find("ALTERED"), std::string::npos) << "the altered bytes were served";
  EXPECT_FALSE(refused.has_header("content-disposition"));
  EXPECT_FALSE(refused.has_header("x-content-sha256"));
  // The description still stands, with the SHA-256 of what was uploaded; the other file is served.
  HttpResponse listed = again.get("/requests/" + id + "/attachments");
  ASSERT_EQ(listed.status, 200) << listed.describe();
  EXPECT_EQ(json_member(listed, "items")[0]["sha256"], hex(sha256_raw(original)));
  HttpResponse other = again.get("/requests/" + id + "/attachments/" + id_of(intact.json()));
  EXPECT_EQ(other.status, 200) << other.describe();
  EXPECT_TRUE(other.body == binary_file("intact"));
}

}  // namespace
}  // namespace taawun::testing
