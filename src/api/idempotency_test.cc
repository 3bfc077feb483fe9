#include "api/idempotency.h"

#include <gtest/gtest.h>

namespace taawun::api {
namespace {

Request keyed(std::string key) {
  Request request;
  request.method = "POST";
  request.path = "/api/v1/requests";
  request.headers["content-type"] = "application/json";
  request.headers["idempotency-key"] = std::move(key);
  request.body = R"({"channel":"mutual_legal_assistance"})";
  return request;
}

TEST(IdempotencyKeyTest, ReadsQuotedAndBareKeysAndNamesTheHeaderOtherwise) {
  EXPECT_EQ(idempotency_key_of(Request{}).value(), "");
  EXPECT_EQ(idempotency_key_of(keyed("\"8e03978e-40d5\"")).value(), "8e03978e-40d5");
  EXPECT_EQ(idempotency_key_of(keyed("  8e03978e-40d5\t")).value(), "8e03978e-40d5");
  EXPECT_EQ(idempotency_key_of(keyed("\"with space\"")).value(), "with space");
  EXPECT_EQ(idempotency_key_of(keyed(std::string(255, 'k'))).value(), std::string(255, 'k'));
  for (const std::string& bad :
       {std::string(), std::string("\"\""), std::string(256, 'k'), std::string("with space"),
        std::string("cl\xc3\xa9"), std::string("\"a\\\"b\""), std::string("a\x01")}) {
    auto key = idempotency_key_of(keyed(bad));
    ASSERT_FALSE(key.ok()) << "[" << bad << "]";
    EXPECT_EQ(key.error().code, "request.invalid_header");
    EXPECT_EQ(key.error().field, "Idempotency-Key");
  }
}

TEST(IdempotencyKeyTest, TheFingerprintIsTheRequestNotItsKeyOrItsPurpose) {
  const std::string base = request_fingerprint(keyed("a"));
  EXPECT_EQ(base.size(), 64u);
  Request other_key = keyed("b");
  other_key.headers["x-purpose"] = "another purpose";
  EXPECT_EQ(request_fingerprint(other_key), base);

  Request other_path = keyed("a");
  other_path.path = "/api/v1/proceedings";
  Request other_query = keyed("a");
  other_query.query["filename"] = "x.pdf";
  Request other_type = keyed("a");
  other_type.headers["content-type"] = "text/plain";
  Request other_body = keyed("a");
  other_body.body += " ";
  Request other_method = keyed("a");
  other_method.method = "PATCH";
  for (const Request* r : {&other_path, &other_query, &other_type, &other_body, &other_method}) {
    EXPECT_NE(request_fingerprint(*r), base) << r->method << " " << r->path;
  }
  // Lengths delimit the parts: moving bytes from the path to the body is another request.
  Request shifted = keyed("a");
  shifted.path = "/api/v1/request";
  shifted.body = "s" + shifted.body;
  EXPECT_NE(request_fingerprint(shifted), base);
}

TEST(IdempotencyKeyTest, AKeptAnswerComesBackAsSentAndSaysItIsAReplay) {
  Response sent = Response::json(201, {{"id", "req_1"}});
  sent.headers = {{"Location", "/api/v1/requests/req_1"}, {"ETag", "\"1\""}};
  const auto kept = outcome_of(sent, "k", std::string(64, 'f'));
  EXPECT_EQ(kept.key, "k");
  const Response again = replayed_response(kept);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.body, sent.body);
  EXPECT_EQ(again.content_type, sent.content_type);
  auto expected = sent.headers;
  expected.emplace_back("Idempotent-Replayed", "true");
  EXPECT_EQ(again.headers, expected);
}

}  // namespace
}  // namespace taawun::api
