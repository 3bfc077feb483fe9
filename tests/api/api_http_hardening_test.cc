// The HTTP layer under attack (issue 10, "Holes"), through the real server on the demo data:
//   - body limits are the route's: an attachment of 2 MiB sent with Content-Length is taken (the
//     parser's default 1 MiB no longer refuses it at the header), 33 MiB gets 413, and JSON
//     routes still refuse over 1 MiB, with Content-Length or chunked;
//   - framing (RFC 9112 §6.1): any Transfer-Encoding but exactly "chunked", or one together with a
//     Content-Length, is a 400 request.bad_framing and the connection is closed, so nothing
//     pipelined behind it (a smuggled request) is read;
//   - request bodies are JSON: a body of another media type (text/plain, a form, none declared)
//     is a 415 request.unsupported_media_type before anything is done; uploads keep theirs;
//   - a write authenticated by the session cookie (what a browser adds by itself) needs an
//     Origin that is the server's own (that of the Host header, or `serve --public-origin`);
//     a foreign, "null" or missing one is a 403 auth.origin_refused. Bearer tokens are unaffected;
//   - connections that send nothing cannot lock out those that do: past `--max-connections` (by
//     default from the open-file limit) the connection idle the longest is closed, and when the
//     process runs out of descriptors anyway (EMFILE) it sheds an idle one and backs off.
// Raw sockets where the exact bytes on the wire matter; every read has a hang guard, no timing is
// asserted.

#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/api_client.h"
#include "support/demo_platform.h"
#include "support/fixtures.h"
#include "support/test_server.h"

namespace taawun::testing {
namespace {

using nlohmann::json;

constexpr int kHangGuardMs = 60'000;

// A TCP connection to 127.0.0.1:port sending exact bytes; -1 when the connect failed.
class RawConnection {
 public:
  explicit RawConnection(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd_ >= 0 && ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }
  ~RawConnection() {
    if (fd_ >= 0) ::close(fd_);
  }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return fd_ >= 0; }

  // Sends all of `bytes`; false when the peer stopped taking them.
  bool send_all(std::string_view bytes) {
    while (!bytes.empty()) {
      ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      bytes.remove_prefix(static_cast<size_t>(n));
    }
    return true;
  }

  // Everything the server sends until it closes the connection (or the hang guard passes, which
  // sets timed_out()).
  std::string read_until_close() {
    std::string out;
    char chunk[16384];
    for (;;) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, kHangGuardMs) <= 0) {
        timed_out_ = true;
        return out;
      }
      ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
      if (n <= 0) return out;
      out.append(chunk, static_cast<size_t>(n));
    }
  }
  bool timed_out() const { return timed_out_; }

 private:
  int fd_ = -1;
  bool timed_out_ = false;
};

// The status code of a raw HTTP/1.1 response ("HTTP/1.1 400 Bad Request..."), or 0.
int status_of(const std::string& raw) {
  if (raw.rfind("HTTP/1.", 0) != 0 || raw.size() < 12) return 0;
  return std::atoi(raw.substr(9, 3).c_str());
}

// The body of a raw response (after the blank line) when it is a JSON object, else {}.
json body_of(const std::string& raw) {
  const size_t at = raw.find("\r\n\r\n");
  if (at == std::string::npos) return json::object();
  json body = json::parse(raw.substr(at + 4), nullptr, false);
  return body.is_object() ? body : json::object();
}

bool has_header_line(const std::string& raw, std::string_view line) {
  const std::string head = lower(raw.substr(0, raw.find("\r\n\r\n")));
  return head.find("\r\n" + lower(line)) != std::string::npos;
}

// `data` in chunks of at most 64 KiB, then the last chunk.
std::string chunked(const std::string& data) {
  std::string out;
  for (size_t at = 0; at < data.size(); at += 65536) {
    const std::string piece = data.substr(at, 65536);
    char size[32];
    std::snprintf(size, sizeof size, "%zx\r\n", piece.size());
    out += size + piece + "\r\n";
  }
  return out + "0\r\n\r\n";
}

class ApiHttpHardeningTest : public DemoPlatformSuite<ApiHttpHardeningTest> {
 protected:
  static std::string ma_proceeding() {
    return platform_->proceeding_id("RBA-2026-TER-0042", "ma.prosecutor");
  }

  // A draft MA -> FR request; its id.
  static std::string ma_draft() {
    HttpResponse r = as("ma.prosecutor")
                         .post("/requests", mla_request_body(ma_proceeding(), random_letters(12)));
    EXPECT_EQ(r.status, 201) << r.describe();
    return r.json().value("id", "");
  }

  static HttpResponse upload(const std::string& request_id, std::string content,
                             std::string media_type = "application/pdf") {
    return as("ma.prosecutor")
        .send({"POST",
               std::string(kApi) + "/requests/" + request_id + "/attachments?filename=annexe.pdf",
               std::move(content),
               {{"Content-Type", std::move(media_type)}}});
  }

  // The header lines of a request sent as ma.prosecutor over a raw connection (no final CRLF).
  static std::string raw_head(const std::string& method, const std::string& target,
                              const std::string& extra_lines) {
    return method + " " + target +
           " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(server().port()) +
           "\r\nAuthorization: Bearer " + as("ma.prosecutor").token() +
           "\r\nX-Purpose: " + kDefaultPurpose + "\r\n" + extra_lines;
  }
};

// --- 1. Body limits are the route's ---------------------------------------------------------

TEST_F(ApiHttpHardeningTest, AttachmentOfTwoMebibytesWithContentLengthIsTaken) {
  const std::string id = ma_draft();
  const std::string content((2u << 20) + 17, 'p');
  HttpResponse r = upload(id, content);
  ASSERT_EQ(r.status, 201) << r.describe();
  EXPECT_EQ(r.json()["size"], content.size());
}

TEST_F(ApiHttpHardeningTest, AttachmentOverThirtyTwoMebibytesIs413) {
  const std::string id = ma_draft();
  HttpResponse r = upload(id, std::string(33u << 20, 'z'), "application/zip");
  EXPECT_TRUE(is_problem(r, 413, "request.too_large")) << r.describe();
  EXPECT_NE(r.json().value("detail", "").find("32 MiB"), std::string::npos) << r.describe();
}

TEST_F(ApiHttpHardeningTest, ChunkedAttachmentOfTwoMebibytesIsTaken) {
  const std::string id = ma_draft();
  const std::string content((2u << 20) + 5, 'c');
  RawConnection connection(server().port());
  ASSERT_TRUE(connection.connected());
  ASSERT_TRUE(connection.send_all(
      raw_head("POST", std::string(kApi) + "/requests/" + id + "/attachments?filename=c.pdf",
               "Content-Type: application/pdf\r\nTransfer-Encoding: chunked\r\n"
               "Connection: close\r\n\r\n") +
      chunked(content)));
  const std::string raw = connection.read_until_close();
  ASSERT_FALSE(connection.timed_out());
  EXPECT_EQ(status_of(raw), 201) << raw.substr(0, 600);
  EXPECT_EQ(body_of(raw).value("size", 0u), content.size()) << raw.substr(0, 600);
}

TEST_F(ApiHttpHardeningTest, JsonRoutesStillRefuseOverOneMebibyte) {
  const std::string big = "{\"summary\":\"" + std::string((1u << 20) + 10, 'x') + "\"}";
  HttpResponse r = as("ma.prosecutor").post_raw("/proceedings", big);
  EXPECT_TRUE(is_problem(r, 413, "request.too_large")) << r.describe();

  RawConnection connection(server().port());
  ASSERT_TRUE(connection.connected());
  connection.send_all(raw_head("POST", std::string(kApi) + "/proceedings",
                               "Content-Type: application/json\r\n"
                               "Transfer-Encoding: chunked\r\n\r\n") +
                      chunked(big));
  const std::string raw = connection.read_until_close();
  ASSERT_FALSE(connection.timed_out());
  EXPECT_EQ(status_of(raw), 413) << raw.substr(0, 600);
  EXPECT_EQ(body_of(raw).value("code", ""), "request.too_large") << raw.substr(0, 600);
}

// --- 2. Framing: only "chunked", never with Content-Length ---------------------------------

TEST_F(ApiHttpHardeningTest, AmbiguousFramingIs400BadFramingAndClosesTheConnection) {
  const std::string canary = random_letters(10);
  const std::string body = proceeding_body(canary, "MA").dump();
  const std::string length = "Content-Length: " + std::to_string(body.size()) + "\r\n";
  struct Case {
    std::string name;
    std::string framing;  // header lines
    std::string body;
  };
  const std::vector<Case> cases = {
      {"xchunked with Content-Length", "Transfer-Encoding: xchunked\r\n" + length, body},
      {"xchunked alone", "Transfer-Encoding: xchunked\r\n", body},
      {"chunked then Content-Length", "Transfer-Encoding: chunked\r\n" + length, chunked(body)},
      {"Content-Length then chunked", length + "Transfer-Encoding: chunked\r\n", chunked(body)},
      {"gzip, chunked", "Transfer-Encoding: gzip, chunked\r\n", chunked(body)},
      {"chunked, identity", "Transfer-Encoding: chunked, identity\r\n", chunked(body)},
      {"chunked twice", "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n",
       chunked(body)},
      {"empty", "Transfer-Encoding: \r\n" + length, body},
  };
  const std::string next = "GET " + std::string(kApi) + "/health HTTP/1.1\r\nHost: x\r\n\r\n";
  for (const Case& c : cases) {
    RawConnection connection(server().port());
    ASSERT_TRUE(connection.connected());
    // A second request pipelined behind: it must not be answered.
    connection.send_all(raw_head("POST", std::string(kApi) + "/proceedings",
                                 "Content-Type: application/json\r\n" + c.framing + "\r\n") +
                        c.body + next);
    const std::string raw = connection.read_until_close();
    EXPECT_FALSE(connection.timed_out()) << c.name << ": the connection stayed open";
    EXPECT_EQ(status_of(raw), 400) << c.name << ": " << raw.substr(0, 600);
    EXPECT_EQ(body_of(raw).value("code", ""), "request.bad_framing")
        << c.name << ": " << raw.substr(0, 600);
    EXPECT_TRUE(has_header_line(raw, "content-type: application/problem+json"))
        << c.name << ": " << raw.substr(0, 600);
    EXPECT_TRUE(has_header_line(raw, "connection: close")) << c.name << ": " << raw.substr(0, 600);
    EXPECT_EQ(raw.find("HTTP/1.1", 8), std::string::npos)
        << c.name << ": a second response: " << raw;
  }
  // Nothing was created by any of them.
  ApiClient ma = as("ma.prosecutor");
  for (const json& p : list_all(ma, "/proceedings")) {
    EXPECT_EQ(p.dump().find(canary), std::string::npos) << p.dump();
  }
}

TEST_F(ApiHttpHardeningTest, ChunkedInAnyCaseStillWorks) {
  const std::string body = proceeding_body(random_letters(10), "MA").dump();
  RawConnection connection(server().port());
  ASSERT_TRUE(connection.connected());
  connection.send_all(raw_head("POST", std::string(kApi) + "/proceedings",
                               "Content-Type: application/json\r\nTransfer-Encoding: Chunked\r\n"
                               "Connection: close\r\n\r\n") +
                      chunked(body));
  const std::string raw = connection.read_until_close();
  ASSERT_FALSE(connection.timed_out());
  EXPECT_EQ(status_of(raw), 201) << raw.substr(0, 600);
}

// --- 3. Bodies are JSON ---------------------------------------------------------------------

TEST_F(ApiHttpHardeningTest, BodiesOfAnotherMediaTypeAre415) {
  ApiClient ma = as("ma.prosecutor");
  const std::string canary = random_letters(10);
  const std::string body = proceeding_body(canary, "MA").dump();
  for (const char* type : {"text/plain", "text/plain;charset=UTF-8",
                           "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                           "application/jsonx", "application/problem+json", "json", ""}) {
    HttpRequest request{"POST", std::string(kApi) + "/proceedings", body, {}};
    if (*type) request.headers.push_back({"Content-Type", type});
    HttpResponse r = ma.send(request);
    EXPECT_TRUE(is_problem(r, 415, "request.unsupported_media_type")) << "'" << type << "'";
  }
  for (const json& p : list_all(ma, "/proceedings")) {
    EXPECT_EQ(p.dump().find(canary), std::string::npos) << p.dump();
  }

  // A PATCH, a body on a route that takes none, and the login are no different.
  HttpResponse created = ma.post("/proceedings", proceeding_body(random_letters(10), "MA"));
  ASSERT_EQ(created.status, 201) << created.describe();
  const std::string id = created.json().value("id", "");
  HttpRequest patch{"PATCH",
                    std::string(kApi) + "/proceedings/" + id,
                    R"({"stage":"trial"})",
                    {{"Content-Type", "text/plain"}, {"If-Match", if_match_of(created.json())}}};
  EXPECT_TRUE(is_problem(ma.send(patch), 415, "request.unsupported_media_type"));
  EXPECT_EQ(ma.get("/proceedings/" + id).json().value("stage", ""),
            created.json().value("stage", ""));
  const std::string request_id = ma_draft();
  HttpRequest review{
      "POST",
      std::string(kApi) + "/requests/" + request_id + "/review",
      "x=1",
      {{"Content-Type", "application/x-www-form-urlencoded"}, {"X-Purpose", kDefaultPurpose}}};
  EXPECT_TRUE(is_problem(ma.send(review), 415, "request.unsupported_media_type"));
  HttpResponse login =
      ApiClient(server().port())
          .post_raw("/session",
                    json{{"username", "ma.prosecutor"}, {"password", server().password()}}.dump(),
                    "text/plain");
  EXPECT_TRUE(is_problem(login, 415, "request.unsupported_media_type"));
}

TEST_F(ApiHttpHardeningTest, JsonWithParametersOrInAnyCaseIsTaken) {
  ApiClient ma = as("ma.prosecutor");
  for (const char* type : {"application/json; charset=utf-8", "Application/JSON",
                           "application/json;charset=\"UTF-8\""}) {
    HttpResponse r =
        ma.post_raw("/proceedings", proceeding_body(random_letters(10), "MA").dump(), type);
    EXPECT_EQ(r.status, 201) << type << ": " << r.describe();
  }
  // A route that takes no body takes an empty one of any declared type.
  const std::string request_id = ma_draft();
  HttpRequest review{"POST",
                     std::string(kApi) + "/requests/" + request_id + "/review",
                     "",
                     {{"Content-Type", "text/plain"}, {"X-Purpose", kDefaultPurpose}}};
  EXPECT_EQ(ma.send(review).status, 200);
}

TEST_F(ApiHttpHardeningTest, UploadsKeepTheirMediaTypes) {
  const std::string id = ma_draft();
  for (const char* type : {"text/plain", "application/pdf", "image/jpeg",
                           "application/x-www-form-urlencoded", "application/octet-stream"}) {
    HttpResponse r = upload(id, std::string("file of type ") + type, type);
    ASSERT_EQ(r.status, 201) << type << ": " << r.describe();
    EXPECT_EQ(r.json().value("media_type", ""), type);
  }
}

// --- 4. Cookie-authenticated writes come from the server's own origin ------------------------

// A request carrying ma.prosecutor's session as the cookie only, with exactly these headers.
HttpResponse with_cookie(int port, const std::string& token, HttpRequest request,
                         std::optional<std::string> origin) {
  request.headers.push_back({"Cookie", "theme=dark; taawun_session=" + token});
  if (origin) request.headers.push_back({"Origin", *origin});
  HttpClient http("127.0.0.1", port);
  return http.send(request);
}

HttpRequest json_request(const std::string& method, const std::string& path, const json& body,
                         std::vector<Header> headers = {}) {
  headers.push_back({"Content-Type", "application/json"});
  headers.push_back({"X-Purpose", kDefaultPurpose});
  return {method, std::string(kApi) + path, body.is_null() ? std::string() : body.dump(),
          std::move(headers)};
}

TEST_F(ApiHttpHardeningTest, CookieWritesFromAnotherOriginAre403) {
  const int port = server().port();
  const std::string token = as("ma.prosecutor").token();
  const std::string own = "http://127.0.0.1:" + std::to_string(port);
  const std::string canary = random_letters(10);
  for (std::optional<std::string> origin : std::vector<std::optional<std::string>>{
           "https://evil.example", "null", std::nullopt, "", own + ".evil.example",
           "http://127.0.0.1", "http://127.0.0.1:1", own + "/path"}) {
    HttpResponse r = with_cookie(
        port, token, json_request("POST", "/proceedings", proceeding_body(canary, "MA")), origin);
    EXPECT_TRUE(is_problem(r, 403, "auth.origin_refused")) << origin.value_or("(none)");
  }
  ApiClient ma = as("ma.prosecutor");
  for (const json& p : list_all(ma, "/proceedings")) {
    EXPECT_EQ(p.dump().find(canary), std::string::npos) << p.dump();
  }

  // PATCH, DELETE and logging out are writes too.
  HttpResponse created = ma.post("/proceedings", proceeding_body(random_letters(10), "MA"));
  ASSERT_EQ(created.status, 201) << created.describe();
  const std::string id = created.json().value("id", "");
  const Header if_match{"If-Match", if_match_of(created.json())};
  EXPECT_TRUE(is_problem(
      with_cookie(port, token,
                  json_request("PATCH", "/proceedings/" + id, {{"stage", "trial"}}, {if_match}),
                  "https://evil.example"),
      403, "auth.origin_refused"));
  EXPECT_TRUE(is_problem(
      with_cookie(port, token, {"DELETE", std::string(kApi) + "/proceedings/" + id, "", {if_match}},
                  "https://evil.example"),
      403, "auth.origin_refused"));
  EXPECT_TRUE(is_problem(
      with_cookie(port, token, {"DELETE", std::string(kApi) + "/session", "", {}}, std::nullopt),
      403, "auth.origin_refused"));
  EXPECT_EQ(ma.get("/proceedings/" + id).json().value("stage", ""),
            created.json().value("stage", ""));
  EXPECT_EQ(ma.get("/proceedings/" + id).status, 200);
  EXPECT_EQ(ma.get("/session", std::nullopt).status, 200);

  // Reads are not writes: a cookie GET needs no Origin.
  EXPECT_EQ(with_cookie(port, token, json_request("GET", "/proceedings/" + id, nullptr),
                        "https://evil.example")
                .status,
            200);
}

TEST_F(ApiHttpHardeningTest, CookieWritesFromTheOwnOriginAreDone) {
  const int port = server().port();
  const std::string token = as("ma.prosecutor").token();
  for (const std::string& origin :
       {"http://127.0.0.1:" + std::to_string(port), "HTTP://127.0.0.1:" + std::to_string(port)}) {
    HttpResponse r = with_cookie(
        port, token,
        json_request("POST", "/proceedings", proceeding_body(random_letters(10), "MA")), origin);
    EXPECT_EQ(r.status, 201) << origin << ": " << r.describe();
  }
  // The origin is the Host's: a request naming another host is refused even from this one.
  const std::string body = proceeding_body(random_letters(10), "MA").dump();
  RawConnection connection(port);
  ASSERT_TRUE(connection.connected());
  connection.send_all(
      "POST " + std::string(kApi) +
      "/proceedings HTTP/1.1\r\nHost: taawun.example\r\nCookie: taawun_session=" + token +
      "\r\nOrigin: http://127.0.0.1:" + std::to_string(port) +
      "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
      "\r\nConnection: close\r\n\r\n" + body);
  const std::string raw = connection.read_until_close();
  ASSERT_FALSE(connection.timed_out());
  EXPECT_EQ(status_of(raw), 403) << raw.substr(0, 600);
  EXPECT_EQ(body_of(raw).value("code", ""), "auth.origin_refused") << raw.substr(0, 600);
}

TEST_F(ApiHttpHardeningTest, BearerWritesNeedNoOrigin) {
  ApiClient ma = as("ma.prosecutor");
  for (std::optional<std::string> origin :
       std::vector<std::optional<std::string>>{"https://evil.example", std::nullopt}) {
    HttpRequest request =
        json_request("POST", "/proceedings", proceeding_body(random_letters(10), "MA"));
    if (origin) request.headers.push_back({"Origin", *origin});
    HttpResponse r = ma.send(request);
    EXPECT_EQ(r.status, 201) << origin.value_or("(none)") << ": " << r.describe();
  }
}

TEST(ApiHttpHardeningPublicOriginTest, TheConfiguredPublicOriginIsTheOnlyOwnOne) {
  TestServer server(TestServerOptions{.serve_args = {"--public-origin", "https://taawun.example"}});
  ASSERT_TRUE(server.create_demo());
  ASSERT_TRUE(server.start()) << server.logs();
  const std::string token = login(server.port(), "fr.prosecutor", server.password());
  ASSERT_FALSE(token.empty());
  const auto post = [&](const std::string& origin) {
    return with_cookie(
        server.port(), token,
        json_request("POST", "/proceedings", proceeding_body(random_letters(10), "FR")), origin);
  };
  EXPECT_EQ(post("https://taawun.example").status, 201);
  EXPECT_EQ(post("https://taawun.example:443").status, 201);
  EXPECT_TRUE(is_problem(post("http://127.0.0.1:" + std::to_string(server.port())), 403,
                         "auth.origin_refused"));
  EXPECT_TRUE(is_problem(post("http://taawun.example"), 403, "auth.origin_refused"));
}

// --- 5. Connections that send nothing ------------------------------------------------------

// GET /api/v1/health on a connection of its own, as any client would: its status, or 0 when the
// server did not answer within the hang guard.
int health_status(int port) {
  RawConnection connection(port);
  if (!connection.connected()) return 0;
  connection.send_all(
      "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  const std::string raw = connection.read_until_close();
  return connection.timed_out() ? 0 : status_of(raw);
}

// `count` connections that are opened and then say nothing, as a flood of half-open clients does.
std::vector<std::unique_ptr<RawConnection>> silent_connections(int port, int count) {
  std::vector<std::unique_ptr<RawConnection>> out;
  for (int i = 0; i < count; ++i) out.push_back(std::make_unique<RawConnection>(port));
  return out;
}

TEST(ApiHttpConnectionLimitTest, PastTheLimitTheLongestIdleConnectionIsClosed) {
  TestServer server(TestServerOptions{.serve_args = {"--max-connections", "16"}});
  ASSERT_TRUE(server.create_empty());
  ASSERT_TRUE(server.start()) << server.logs();
  auto flood = silent_connections(server.port(), 64);
  for (const auto& connection : flood) ASSERT_TRUE(connection->connected());
  EXPECT_EQ(health_status(server.port()), 200) << server.logs();
  // The first ones, idle the longest, were closed to make room (read sees the end at once).
  const std::string raw = flood.front()->read_until_close();
  EXPECT_FALSE(flood.front()->timed_out());
  EXPECT_EQ(raw, "");
  // The flood goes on: every newcomer is still served.
  auto more = silent_connections(server.port(), 64);
  EXPECT_EQ(health_status(server.port()), 200);
}

TEST(ApiHttpConnectionLimitTest, OutOfDescriptorsTheServerShedsIdleConnectionsAndKeepsServing) {
  TestServer server;
  ASSERT_TRUE(server.create_empty());
  ASSERT_TRUE(server.start()) << server.logs();
  // Lower the running server's open-file limit below what the flood takes (its connection limit,
  // computed at start from a larger one, does not hold it back): accept then fails with EMFILE.
  rlimit low{192, 192};
  ASSERT_EQ(::prlimit(server.pid(), RLIMIT_NOFILE, &low, nullptr), 0) << std::strerror(errno);
  auto flood = silent_connections(server.port(), 400);
  for (int attempt = 0; attempt < 3; ++attempt) {
    EXPECT_EQ(health_status(server.port()), 200) << "attempt " << attempt;
  }
  flood.clear();
  EXPECT_EQ(health_status(server.port()), 200) << server.logs();
}

}  // namespace
}  // namespace taawun::testing
