// The HTTP layer under attack (issue 10, "Holes"), through the real server on the demo data:
//   - body limits are the route's: an attachment of 2 MiB sent with Content-Length is taken (the
//     parser's default 1 MiB no longer refuses it at the header), 33 MiB gets 413, and JSON
//     routes still refuse over 1 MiB, with Content-Length or chunked;
//   - framing (RFC 9112 §6.1): any Transfer-Encoding but exactly "chunked", or one together with a
//     Content-Length, is a 400 request.bad_framing and the connection is closed, so nothing
//     pipelined behind it (a smuggled request) is read.
// Raw sockets where the exact bytes on the wire matter; every read has a hang guard, no timing is
// asserted.

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
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

}  // namespace
}  // namespace taawun::testing
