#include "api/server.h"

#include <cerrno>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include <spdlog/spdlog.h>
#include <boost/asio.hpp>
#include <boost/asio/experimental/as_tuple.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>

#include "api/connection_table.h"
#include "api/dispatcher.h"
#include "api/problem.h"
#include "api/router.h"
#include "api/static_site.h"
#include "service/request_service.h"

namespace taawun::api {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
constexpr auto kTuple = asio::experimental::as_tuple(asio::use_awaitable);

struct Server::Impl {
  Impl(store::Database& database, const Clock& clock, ServerOptions options,
       service::MatchRegistry* matching)
      : options(std::move(options)),
        io(this->options.threads),
        acceptor(io),
        signals(io, SIGINT, SIGTERM),
        cpu_pool(2),
        backend{database,
                clock,
                cpu_pool,
                nullptr,
                matching,
                this->options.public_origin,
                this->options.refusal_alert_per_day,
                this->options.match_alert_per_day},
        connections(this->options.max_connections > 0 ? this->options.max_connections
                                                      : default_connection_capacity()) {}

  ServerOptions options;
  asio::io_context io;
  tcp::acceptor acceptor;
  asio::signal_set signals;
  asio::thread_pool cpu_pool;
  Backend backend;
  ConnectionTable connections;
  std::optional<StaticSite> web;
};

namespace {

Request to_request(const http::request<http::string_body>& in, const std::string& client) {
  Request request;
  request.method = std::string(in.method_string());
  request.client_address = client;
  auto url = boost::urls::parse_origin_form(in.target());
  if (url) {
    request.path = url->path();
    for (auto param : url->params()) request.query[param.key] = param.value;
  } else {
    request.path = "/invalid-target";
  }
  for (const auto& field : in) {
    std::string name(field.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    request.headers[name] = std::string(field.value());
  }
  request.body = in.body();
  return request;
}

http::response<http::string_body> to_beast(const Response& response, unsigned version,
                                           bool keep_alive) {
  http::response<http::string_body> out{static_cast<http::status>(response.status), version};
  out.set(http::field::server, "taawun");
  if (!response.content_type.empty()) {
    // Text gets its charset; a downloaded file keeps the media type it was stored with.
    const bool text = response.content_type.rfind("text/", 0) == 0 ||
                      response.content_type == "application/json" ||
                      response.content_type == "application/problem+json";
    out.set(http::field::content_type,
            text ? response.content_type + "; charset=utf-8" : response.content_type);
  }
  out.set(http::field::cache_control, "no-store");
  out.set("X-Content-Type-Options", "nosniff");
  for (const auto& [name, value] : response.headers) out.insert(name, value);
  out.body() = response.body;
  out.keep_alive(keep_alive);
  out.prepare_payload();
  return out;
}

// RFC 9112 §6.1/§6.3: a request's body length must be unambiguous. The only transfer coding the
// server knows is chunked, so a Transfer-Encoding must be exactly that, once, in HTTP/1.1, and
// never together with a Content-Length; anything else could be read differently by a proxy in
// front (request smuggling) and is refused, and the connection closed.
bool ambiguous_framing(const http::request_parser<http::string_body>::value_type& header) {
  auto codings = header.equal_range(http::field::transfer_encoding);
  if (codings.first == codings.second) return false;
  if (std::next(codings.first) != codings.second) return true;
  if (header.version() < 11 || header.count(http::field::content_length) > 0) return true;
  std::string_view value = codings.first->value();
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  return !beast::iequals(value, "chunked");
}

bool is_framing_error(const boost::system::error_code& error) {
  return error == http::error::bad_transfer_encoding || error == http::error::bad_content_length ||
         error == http::error::multiple_content_length;
}

Error bad_framing() {
  return Error::invalid("request.bad_framing",
                        "The request's length is ambiguous: send either Content-Length or "
                        "Transfer-Encoding: chunked, not both and no other coding.");
}

asio::awaitable<void> serve_connection(std::shared_ptr<beast::tcp_stream> shared_stream,
                                       ConnectionTable::Id id, ConnectionTable& connections,
                                       Backend& backend) {
  beast::tcp_stream& stream = *shared_stream;
  std::string client;
  {
    boost::system::error_code ec;
    auto endpoint = stream.socket().remote_endpoint(ec);
    if (!ec) client = endpoint.address().to_string();
  }
  beast::flat_buffer buffer;
  for (;;) {
    http::request_parser<http::string_body> parser;
    parser.header_limit(32 * 1024);
    // No limit while the header is read: Beast would compare a Content-Length with its default
    // (1 MiB) at the end of the header, before the route, and so its own limit, is known.
    parser.body_limit(boost::none);
    stream.expires_after(std::chrono::seconds(120));
    // The header first: how much body to accept depends on the route (uploads take more).
    auto [read_error, header_bytes] =
        co_await http::async_read_header(stream, buffer, parser, kTuple);
    (void)header_bytes;
    // A request refused before its body is read: answered, then the connection is closed (what
    // follows on it cannot be told apart from the unread body).
    std::optional<Error> refusal;
    if (!read_error) {
      const size_t body_limit = body_limit_for(std::string(parser.get().method_string()),
                                               std::string_view(parser.get().target()));
      // A declared length is checked here; a chunked body as its chunks arrive.
      auto declared = parser.content_length();
      if (ambiguous_framing(parser.get())) {
        refusal = bad_framing();
      } else if (declared && *declared > body_limit) {
        read_error = http::error::body_limit;
      } else {
        parser.body_limit(body_limit);
        auto [body_error, body_bytes] = co_await http::async_read(stream, buffer, parser, kTuple);
        (void)body_bytes;
        read_error = body_error;
      }
      if (read_error == http::error::body_limit) {
        refusal =
            Error{ErrorKind::kTooLarge,
                  "request.too_large",
                  "The request body is larger than " + std::to_string(body_limit >> 20) + " MiB.",
                  {}};
      }
    }
    if (!refusal && is_framing_error(read_error)) refusal = bad_framing();
    if (!refusal && read_error && read_error != http::error::end_of_stream &&
        read_error != beast::error::timeout && read_error != asio::error::eof &&
        read_error != asio::error::connection_reset && parser.got_some()) {
      refusal = Error::invalid("request.malformed_http", "The HTTP request is malformed.");
    }
    if (refusal) {
      auto out = to_beast(problem_response(*refusal), 11, false);
      co_await http::async_write(stream, out, kTuple);
      break;
    }
    if (read_error) break;
    const auto& in = parser.get();
    const bool keep_alive = in.keep_alive();
    stream.expires_never();
    connections.set_busy(id, true);
    Response response = co_await dispatch(backend, to_request(in, client));
    auto out = to_beast(response, in.version(), keep_alive);
    stream.expires_after(std::chrono::seconds(120));
    auto [write_error, written] = co_await http::async_write(stream, out, kTuple);
    (void)written;
    connections.set_busy(id, false);
    if (write_error || !keep_alive) break;
  }
  connections.leave(id);
  boost::system::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
}

// Closes the connection on its own strand, if it is still open (what the table calls to shed it).
ConnectionTable::Close closer_of(const std::shared_ptr<beast::tcp_stream>& stream) {
  return [weak = std::weak_ptr<beast::tcp_stream>(stream), executor = stream->get_executor()]() {
    asio::post(executor, [weak] {
      if (auto open = weak.lock()) {
        boost::system::error_code ignored;
        open->socket().shutdown(tcp::socket::shutdown_both, ignored);
        open->socket().close(ignored);
      }
    });
  };
}

asio::awaitable<void> accept_loop(tcp::acceptor& acceptor, ConnectionTable& connections,
                                  Backend& backend) {
  asio::steady_timer backoff(acceptor.get_executor());
  for (;;) {
    // Each connection gets its own strand: with several I/O threads, the stream's timer and its
    // read/write completions must never run at the same time.
    auto [error, socket] =
        co_await acceptor.async_accept(asio::make_strand(acceptor.get_executor()), kTuple);
    if (error) {
      if (error == asio::error::operation_aborted) co_return;
      // Out of descriptors (the table's capacity is above what the process may open, or files
      // took them): free one by shedding an idle connection, and wait rather than spin on a
      // listening socket that stays readable.
      const bool shed = (error == asio::error::no_descriptors || error.value() == ENFILE ||
                         error == asio::error::no_buffer_space) &&
                        connections.shed_oldest_idle();
      backoff.expires_after(shed ? std::chrono::milliseconds(5) : std::chrono::milliseconds(100));
      co_await backoff.async_wait(kTuple);
      continue;
    }
    boost::system::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    auto executor = socket.get_executor();
    auto stream = std::make_shared<beast::tcp_stream>(std::move(socket));
    auto id = connections.admit(closer_of(stream));
    if (!id) {
      // Every connection is handling a request: this one waits for nothing, it is closed.
      stream->socket().close(ignored);
      continue;
    }
    asio::co_spawn(executor, serve_connection(std::move(stream), *id, connections, backend),
                   asio::detached);
  }
}

// The persisted reminder scheduler: every interval, one transaction inserts the reminders and
// escalations that have come due. Notification ids are deterministic, so a restart (or two runs
// racing) never sends one twice, and anything that came due while the server was down is sent at
// the first run.
asio::awaitable<void> reminder_loop(Backend& backend, std::chrono::seconds interval,
                                    clocks::ReminderPolicy policy) {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  for (;;) {
    const Timestamp now = backend.clock.now();
    int sent = 0;
    Status status = co_await run_on_database(backend.database, [&](store::Store& store) -> Status {
      TAAWUN_ASSIGN_OR_RETURN(sent, service::send_due_reminders(store, now, policy));
      return {};
    });
    if (!status.ok()) {
      spdlog::error("reminder scheduler: {}", status.error().message);
    } else if (sent > 0) {
      spdlog::info("reminder scheduler: {} notifications sent", sent);
    }
    timer.expires_after(interval);
    auto [error] = co_await timer.async_wait(kTuple);
    if (error) co_return;
  }
}

// The audit checkpointer: a cheap look at the log's size every second, a signature when a thousand
// entries or the interval have passed. It runs on the database thread like any work, so it needs
// no lock; an error (a truncated log it refuses to sign) is logged once, not every second.
asio::awaitable<void> checkpoint_loop(Backend& backend, service::AuditCheckpointer& checkpointer,
                                      std::chrono::seconds max_age) {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  std::string last_error;
  long long last_size = -1;
  for (;;) {
    const Timestamp now = backend.clock.now();
    long long size = 0;
    Status status = co_await run_on_database(backend.database, [&](store::Store& store) -> Status {
      auto latest = checkpointer.update(store, now, /*force=*/false, max_age);
      if (!latest.ok()) return latest.error();
      size = latest->tree_size;
      return {};
    });
    if (!status.ok()) {
      if (status.error().message != last_error) {
        spdlog::error("audit checkpoints: {}", status.error().message);
      }
      last_error = status.error().message;
    } else {
      last_error.clear();
      if (size != last_size) spdlog::info("audit checkpoint: tree size {}", size);
      last_size = size;
    }
    timer.expires_after(std::chrono::seconds(1));
    auto [error] = co_await timer.async_wait(kTuple);
    if (error) co_return;
  }
}

}  // namespace

Server::Server(store::Database& database, const Clock& clock, ServerOptions options,
               service::MatchRegistry* matching)
    : impl_(std::make_unique<Impl>(database, clock, std::move(options), matching)) {}

Server::~Server() {
  stop();
  impl_->cpu_pool.join();
}

Result<unsigned short> Server::listen() {
  if (!impl_->options.web_directory.empty()) {
    auto site = StaticSite::load(impl_->options.web_directory);
    if (!site.ok()) return site.error();
    impl_->web = std::move(site).value();
    impl_->backend.web = &*impl_->web;
  }
  boost::system::error_code ec;
  auto address = asio::ip::make_address(impl_->options.address, ec);
  if (ec) return Error::invalid("server.invalid_address", "Bad listen address: " + ec.message());
  tcp::endpoint endpoint(address, impl_->options.port);
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return Error{ErrorKind::kUnavailable,
                 "server.listen_failed",
                 "Cannot listen on " + impl_->options.address + ":" +
                     std::to_string(impl_->options.port) + ": " + ec.message(),
                 {}};
  }
  return acceptor.local_endpoint().port();
}

void Server::run() {
  impl_->signals.async_wait([this](const boost::system::error_code& error, int) {
    if (!error) stop();
  });
  asio::co_spawn(impl_->io, accept_loop(impl_->acceptor, impl_->connections, impl_->backend),
                 asio::detached);
  if (impl_->options.reminder_interval.count() > 0) {
    asio::co_spawn(
        impl_->io,
        reminder_loop(impl_->backend, impl_->options.reminder_interval, impl_->options.reminders),
        asio::detached);
  }
  if (impl_->options.checkpointer != nullptr) {
    asio::co_spawn(impl_->io,
                   checkpoint_loop(impl_->backend, *impl_->options.checkpointer,
                                   impl_->options.checkpoint_interval),
                   asio::detached);
  }
  std::vector<std::thread> threads;
  for (int i = 1; i < impl_->options.threads; ++i) {
    threads.emplace_back([this] { impl_->io.run(); });
  }
  impl_->io.run();
  for (auto& thread : threads) thread.join();
}

void Server::stop() { impl_->io.stop(); }

}  // namespace taawun::api
