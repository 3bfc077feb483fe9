#include "support/http_client.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace taawun::testing {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

std::string HttpResponse::header(std::string_view name) const {
  const std::string key = lower(name);
  for (const Header& h : headers) {
    if (h.name == key) return h.value;
  }
  return {};
}

std::vector<std::string> HttpResponse::header_values(std::string_view name) const {
  const std::string key = lower(name);
  std::vector<std::string> out;
  for (const Header& h : headers) {
    if (h.name == key) out.push_back(h.value);
  }
  return out;
}

bool HttpResponse::has_header(std::string_view name) const {
  const std::string key = lower(name);
  return std::any_of(headers.begin(), headers.end(),
                     [&](const Header& h) { return h.name == key; });
}

nlohmann::json HttpResponse::json() const {
  return nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
}

std::string HttpResponse::headers_text() const {
  std::string out;
  for (const Header& h : headers) out += h.name + ": " + h.value + "\n";
  return out;
}

std::string HttpResponse::describe() const {
  if (status == 0) return "no response (" + error + ")";
  std::string excerpt = body.size() > 600 ? body.substr(0, 600) + "..." : body;
  return std::to_string(status) + " " + excerpt;
}

struct HttpClient::Impl {
  net::io_context ioc;
  std::optional<beast::tcp_stream> stream;
  beast::flat_buffer buffer;
  bool connected = false;

  // Runs one asynchronous operation to completion on this thread.
  template <typename Start>
  boost::system::error_code run(Start&& start) {
    boost::system::error_code result = net::error::would_block;
    start(result);
    ioc.restart();
    ioc.run();
    return result;
  }
};

HttpClient::HttpClient(std::string host, int port)
    : host_(std::move(host)), port_(port), impl_(std::make_unique<Impl>()) {}

HttpClient::~HttpClient() { close(); }

void HttpClient::close() {
  if (impl_ && impl_->connected) {
    boost::system::error_code ignored;
    impl_->stream->socket().shutdown(tcp::socket::shutdown_both, ignored);
    impl_->stream->close();
    impl_->connected = false;
  }
  if (impl_) impl_->buffer.clear();
}

HttpResponse HttpClient::send(const HttpRequest& request) {
  bool stale = false;
  const bool reused = impl_->connected;
  HttpResponse response = send_once(request, &stale);
  if (response.status == 0 && stale && reused && retry_stale_) {
    close();
    response = send_once(request, &stale);
  }
  return response;
}

HttpResponse HttpClient::send_once(const HttpRequest& request, bool* stale) {
  HttpResponse out;
  *stale = false;
  Impl& im = *impl_;
  if (!im.connected) {
    boost::system::error_code ec;
    auto address = net::ip::make_address(host_, ec);
    if (ec) {
      out.error = "bad address: " + ec.message();
      return out;
    }
    im.stream.emplace(im.ioc);
    im.buffer.clear();
    if (!source_address_.empty()) {
      auto source = net::ip::make_address(source_address_, ec);
      if (!ec) im.stream->socket().open(address.is_v4() ? tcp::v4() : tcp::v6(), ec);
      if (!ec) im.stream->socket().bind(tcp::endpoint(source, 0), ec);
      if (ec) {
        out.error = "bind " + source_address_ + ": " + ec.message();
        im.stream->close();
        return out;
      }
    }
    im.stream->expires_after(timeout_);
    ec = im.run([&](boost::system::error_code& result) {
      im.stream->async_connect(tcp::endpoint(address, static_cast<unsigned short>(port_)),
                               [&](boost::system::error_code e) { result = e; });
    });
    if (ec) {
      out.error = "connect: " + ec.message();
      im.stream->close();
      return out;
    }
    im.connected = true;
  }

  http::request<http::string_body> req;
  req.version(11);
  req.method_string(request.method);
  req.target(request.target);
  req.set(http::field::host, host_ + ":" + std::to_string(port_));
  req.keep_alive(true);
  for (const Header& h : request.headers) req.insert(h.name, h.value);
  req.body() = request.body;
  if (!request.body.empty() || request.method == "POST" || request.method == "PATCH" ||
      request.method == "PUT") {
    req.prepare_payload();
  }

  im.stream->expires_after(timeout_);
  boost::system::error_code write_ec = im.run([&](boost::system::error_code& result) {
    http::async_write(*im.stream, req,
                      [&](boost::system::error_code e, std::size_t) { result = e; });
  });
  // Even when the write failed (the server may answer 413 and close before reading a big body),
  // the response may already be waiting: try to read it.
  http::response_parser<http::string_body> parser;
  parser.body_limit(256u * 1024u * 1024u);
  parser.header_limit(1024u * 1024u);
  im.stream->expires_after(timeout_);
  boost::system::error_code read_ec = im.run([&](boost::system::error_code& result) {
    http::async_read(*im.stream, im.buffer, parser,
                     [&](boost::system::error_code e, std::size_t) { result = e; });
  });
  if (read_ec) {
    const bool nothing_read = !parser.got_some();
    *stale = nothing_read &&
             (read_ec == http::error::end_of_stream || read_ec == net::error::connection_reset ||
              read_ec == net::error::broken_pipe || write_ec);
    out.error = (write_ec ? "write: " + write_ec.message() + "; " : std::string()) +
                "read: " + read_ec.message();
    close();
    return out;
  }
  auto& res = parser.get();
  out.status = static_cast<int>(res.result_int());
  for (const auto& field : res) {
    out.headers.push_back(
        {lower(std::string_view(field.name_string().data(), field.name_string().size())),
         std::string(field.value())});
  }
  out.body = std::move(res.body());
  if (!res.keep_alive() || write_ec) close();
  return out;
}

}  // namespace taawun::testing
