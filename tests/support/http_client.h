#pragma once

// A small synchronous HTTP/1.1 client for the API tests: one keep-alive connection to
// 127.0.0.1:port over Boost.Beast. Transport failures are values (status 0 + error), never
// exceptions, so a test can treat "the server died" as data (the durability test needs that).
//
// Thread safety: one HttpClient per thread.

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace taawun::testing {

struct Header {
  std::string name;  // lower-cased in responses
  std::string value;
};

struct HttpRequest {
  std::string method = "GET";
  std::string target = "/";
  std::string body;
  std::vector<Header> headers;
};

struct HttpResponse {
  int status = 0;               // 0 when no response arrived; see `error`
  std::string error;            // transport error message, empty when a response arrived
  std::vector<Header> headers;  // names lower-cased, in wire order
  std::string body;

  // The first value of header `name` (case-insensitive), or "" when absent.
  std::string header(std::string_view name) const;
  std::vector<std::string> header_values(std::string_view name) const;
  bool has_header(std::string_view name) const;
  // The body parsed as JSON; a discarded value when it is not JSON.
  nlohmann::json json() const;
  // All header lines "name: value\n", for scanning.
  std::string headers_text() const;
  // "STATUS body-excerpt" for assertion messages.
  std::string describe() const;
};

class HttpClient {
 public:
  HttpClient(std::string host, int port);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Sends `request` (adds Host, and Content-Length when there is a body) and reads the response.
  // Reuses the connection while the server keeps it alive. Never throws.
  HttpResponse send(const HttpRequest& request);

  // When true (default), a request that fails on a reused connection before any response byte
  // (the server closed an idle keep-alive connection) is retried once on a new connection.
  void set_retry_stale(bool retry) { retry_stale_ = retry; }
  // Upper bound for one connect, write or read; a hang guard, not a timing assertion.
  void set_timeout(std::chrono::seconds timeout) { timeout_ = timeout; }
  // Connects from this local address (e.g. "127.0.0.2", any of 127/8 on Linux), so that a test
  // can be another client address. Takes effect on the next connection.
  void set_source_address(std::string address) {
    source_address_ = std::move(address);
    close();
  }
  void close();
  int port() const { return port_; }

 private:
  struct Impl;
  HttpResponse send_once(const HttpRequest& request, bool* stale);

  std::string host_;
  std::string source_address_;
  int port_;
  bool retry_stale_ = true;
  std::chrono::seconds timeout_{120};
  std::unique_ptr<Impl> impl_;
};

}  // namespace taawun::testing
