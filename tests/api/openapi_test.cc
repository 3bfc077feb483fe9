// docs/openapi.yaml against the server's route table: a served route missing from the document,
// or a documented route the server does not serve, fails. Also checks that the document is
// self-consistent (every $ref resolves, every path parameter is declared, operation ids are
// unique) and documents the contract's headers (X-Purpose on reads of personal data, If-Match on
// changes, Idempotency-Key on POSTs, problem+json on errors).

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "api/router.h"
#include "support/routes.h"

#ifndef TAAWUN_OPENAPI_YAML
#define TAAWUN_OPENAPI_YAML "docs/openapi.yaml"
#endif

namespace taawun::testing {
namespace {

const std::vector<std::string> kMethods = {"get",   "put",  "post",    "delete",
                                           "patch", "head", "options", "trace"};

std::string upper_ascii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

class OpenApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string path = TAAWUN_OPENAPI_YAML;
    if (const char* dir = std::getenv("TAAWUN_SOURCE_DIR"); dir && *dir) {
      path = std::string(dir) + "/docs/openapi.yaml";
    }
    try {
      doc_ = YAML::LoadFile(path);
    } catch (const YAML::Exception& e) {
      FAIL() << "cannot parse " << path << ": " << e.what();
    }
    ASSERT_TRUE(doc_.IsMap());
    ASSERT_TRUE(doc_["paths"].IsMap()) << "no paths";
    base_ = "";
    if (doc_["servers"].IsSequence() && doc_["servers"].size() > 0) {
      base_ = doc_["servers"][0]["url"].as<std::string>("");
      if (!base_.empty() && base_.back() == '/') base_.pop_back();
    }
  }

  // "GET /api/v1/persons/{}" -> the operation node.
  std::map<std::string, YAML::Node> operations() const {
    std::map<std::string, YAML::Node> out;
    for (const auto& path : doc_["paths"]) {
      const std::string p = path.first.as<std::string>();
      for (const auto& item : path.second) {
        const std::string method = item.first.as<std::string>();
        if (std::find(kMethods.begin(), kMethods.end(), method) == kMethods.end()) continue;
        out[route_key(upper_ascii(method), base_ + p)] = item.second;
      }
    }
    return out;
  }

  // Follows a local $ref ("#/components/parameters/XPurpose"); returns the node itself otherwise.
  YAML::Node resolve(const YAML::Node& node) const {
    if (!node.IsMap() || !node["$ref"]) return node;
    const std::string ref = node["$ref"].as<std::string>();
    if (ref.rfind("#/", 0) != 0) return YAML::Node();
    YAML::Node cur;
    cur.reset(doc_);
    size_t start = 2;
    while (start <= ref.size()) {
      size_t end = ref.find('/', start);
      std::string part =
          ref.substr(start, end == std::string::npos ? std::string::npos : end - start);
      if (!cur.IsMap() || !cur[part]) return YAML::Node();
      YAML::Node next = cur[part];
      cur.reset(next);
      if (end == std::string::npos) break;
      start = end + 1;
    }
    return cur;
  }

  // The parameters that apply to an operation: path-level and operation-level, resolved.
  std::vector<YAML::Node> parameters(const std::string& path, const YAML::Node& op) const {
    std::vector<YAML::Node> out;
    for (const YAML::Node& list : {doc_["paths"][path]["parameters"], op["parameters"]}) {
      if (!list || !list.IsSequence()) continue;
      for (const auto& p : list) out.push_back(resolve(p));
    }
    return out;
  }

  // Whether the operation declares header `name`, required unless `optional`.
  bool has_header_param(const std::string& path, const YAML::Node& op, const std::string& name,
                        bool optional = false) const {
    for (const YAML::Node& p : parameters(path, op)) {
      if (p["in"].as<std::string>("") == "header" &&
          upper_ascii(p["name"].as<std::string>("")) == upper_ascii(name) &&
          (optional || p["required"].as<bool>(false))) {
        return true;
      }
    }
    return false;
  }

  YAML::Node doc_;
  std::string base_;
};

TEST_F(OpenApiTest, IsOpenApi303) {
  EXPECT_EQ(doc_["openapi"].as<std::string>(""), "3.0.3");
  EXPECT_FALSE(doc_["info"]["title"].as<std::string>("").empty());
  EXPECT_FALSE(doc_["info"]["version"].as<std::string>("").empty());
}

TEST_F(OpenApiTest, EveryServedRouteIsDocumented) {
  const auto ops = operations();
  std::vector<std::string> missing;
  for (const auto& route : taawun::api::route_table()) {
    if (!ops.count(route_key(route.method, route.pattern))) {
      missing.push_back(route.method + " " + route.pattern);
    }
  }
  EXPECT_TRUE(missing.empty()) << "served but not in docs/openapi.yaml: "
                               << ::testing::PrintToString(missing);
  EXPECT_FALSE(taawun::api::route_table().empty());
}

TEST_F(OpenApiTest, EveryDocumentedRouteIsServed) {
  std::set<std::string> served;
  for (const auto& route : taawun::api::route_table()) {
    served.insert(route_key(route.method, route.pattern));
  }
  std::vector<std::string> extra;
  for (const auto& [key, op] : operations()) {
    if (!served.count(key)) extra.push_back(key);
  }
  EXPECT_TRUE(extra.empty()) << "documented but not served: " << ::testing::PrintToString(extra);
}

TEST_F(OpenApiTest, OperationsAreComplete) {
  std::set<std::string> ids;
  for (const auto& path : doc_["paths"]) {
    const std::string p = path.first.as<std::string>();
    // Path parameters named in the template.
    std::set<std::string> names;
    for (size_t at = p.find('{'); at != std::string::npos; at = p.find('{', at + 1)) {
      names.insert(p.substr(at + 1, p.find('}', at) - at - 1));
    }
    for (const auto& item : path.second) {
      const std::string method = item.first.as<std::string>();
      if (std::find(kMethods.begin(), kMethods.end(), method) == kMethods.end()) continue;
      const YAML::Node op = item.second;
      const std::string where = upper_ascii(method) + " " + p;
      const std::string id = op["operationId"].as<std::string>("");
      EXPECT_FALSE(id.empty()) << where << " has no operationId";
      EXPECT_TRUE(ids.insert(id).second) << "duplicate operationId " << id;
      ASSERT_TRUE(op["responses"].IsMap()) << where;
      EXPECT_GT(op["responses"].size(), 0u) << where;
      std::set<std::string> declared;
      for (const YAML::Node& param : parameters(p, op)) {
        ASSERT_TRUE(param.IsMap()) << where << ": a parameter $ref does not resolve";
        if (param["in"].as<std::string>("") == "path") {
          declared.insert(param["name"].as<std::string>(""));
          EXPECT_TRUE(param["required"].as<bool>(false)) << where;
        }
      }
      EXPECT_EQ(declared, names) << where << ": path parameters";
      // Every error response is problem+json.
      bool has_error = false;
      for (const auto& response : op["responses"]) {
        const std::string status = response.first.as<std::string>();
        YAML::Node r = resolve(response.second);
        ASSERT_TRUE(r.IsMap()) << where << " " << status << ": $ref does not resolve";
        if (status[0] == '4' || status[0] == '5') {
          has_error = true;
          EXPECT_TRUE(r["content"]["application/problem+json"].IsDefined())
              << where << " " << status << " is not problem+json";
        }
      }
      const bool public_route = p == "/health";
      if (!public_route) {
        EXPECT_TRUE(has_error) << where << " documents no error response";
      }
    }
  }
}

TEST_F(OpenApiTest, EveryRefResolves) {
  std::vector<std::string> broken;
  std::function<void(const YAML::Node&)> walk = [&](const YAML::Node& node) {
    if (node.IsMap()) {
      for (const auto& kv : node) {
        if (kv.first.as<std::string>() == "$ref" && kv.second.IsScalar()) {
          if (!resolve(node).IsDefined() || resolve(node).IsNull()) {
            broken.push_back(kv.second.as<std::string>());
          }
        } else {
          walk(kv.second);
        }
      }
    } else if (node.IsSequence()) {
      for (const auto& item : node) walk(item);
    }
  };
  walk(doc_);
  EXPECT_TRUE(broken.empty()) << ::testing::PrintToString(broken);
}

TEST_F(OpenApiTest, DescribesTheCoreSchemas) {
  const YAML::Node schemas = doc_["components"]["schemas"];
  ASSERT_TRUE(schemas.IsMap());
  for (const char* name :
       {"Person", "PersonName", "Proceeding", "Involvement", "Problem", "Session", "AuditEvent",
        "User", "Link", "Request", "RequestInput", "Deadline", "StatusChange", "RequestReview",
        "RequestDesk", "RequestStatistics", "Notification"}) {
    EXPECT_TRUE(schemas[name].IsDefined()) << "schema " << name;
  }
  const YAML::Node problem = schemas["Problem"]["properties"];
  for (const char* field : {"type", "title", "status", "detail", "code", "field"}) {
    EXPECT_TRUE(problem[field].IsDefined()) << "Problem." << field;
  }
  // The request's core fields (DESIGN.md §8) and its deadlines' shape.
  for (const char* field :
       {"id", "proceeding_id", "channel", "issuing", "executing", "urgency",
        "urgency_justification", "status", "status_history", "deadlines", "created_at"}) {
    EXPECT_TRUE(schemas["Request"]["properties"][field].IsDefined()) << "Request." << field;
  }
  for (const char* field : {"kind", "due_at"}) {
    EXPECT_TRUE(schemas["Deadline"]["properties"][field].IsDefined()) << "Deadline." << field;
  }
  for (const char* field : {"complete", "problems"}) {
    EXPECT_TRUE(schemas["RequestReview"]["properties"][field].IsDefined()) << field;
  }
  EXPECT_TRUE(doc_["components"]["headers"]["ETag"].IsDefined());
  EXPECT_TRUE(doc_["components"]["securitySchemes"]["bearerAuth"].IsDefined());
  EXPECT_TRUE(doc_["components"]["securitySchemes"]["cookieAuth"].IsDefined());
}

TEST_F(OpenApiTest, DocumentsPurposeAndIfMatch) {
  for (const auto& path : doc_["paths"]) {
    const std::string p = path.first.as<std::string>();
    // Requests name persons, identifiers and facts: reading them is reading personal data
    // (statistics are counts only).
    const bool personal = p.rfind("/persons", 0) == 0 || p.rfind("/proceedings", 0) == 0 ||
                          p.rfind("/links", 0) == 0 ||
                          (p.rfind("/requests", 0) == 0 && p != "/requests/statistics");
    if (!personal) continue;
    for (const auto& item : path.second) {
      const std::string method = item.first.as<std::string>();
      if (method == "get") {
        EXPECT_TRUE(has_header_param(p, item.second, "X-Purpose")) << "GET " << p;
      }
      const bool versioned_record =
          p == "/persons/{id}" || p == "/proceedings/{id}" || p == "/requests/{id}";
      if ((method == "patch" || method == "delete") && versioned_record) {
        EXPECT_TRUE(has_header_param(p, item.second, "If-Match")) << method << " " << p;
      }
    }
  }
}

// Every authenticated POST takes an Idempotency-Key (the server honours it on all of them; login
// has no user to keep a key for).
// Login and the second factor's routes never keep an answer under a key: their answers hold
// secrets (a token, a TOTP secret, recovery codes) or prove a one-time code.
TEST_F(OpenApiTest, DocumentsIdempotencyKeyOnEveryPostButLogin) {
  const std::set<std::string> unkept = {"/session", "/session/factor", "/session/factor/confirm",
                                        "/session/step-up"};
  int posts = 0;
  for (const auto& path : doc_["paths"]) {
    const std::string p = path.first.as<std::string>();
    const YAML::Node post = path.second["post"];
    if (!post.IsDefined()) continue;
    ++posts;
    EXPECT_EQ(has_header_param(p, post, "Idempotency-Key", true), !unkept.count(p)) << "POST " << p;
  }
  EXPECT_GE(posts, 10);
}

}  // namespace
}  // namespace taawun::testing
