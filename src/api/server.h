#pragma once

// The HTTP/1.1 server: Boost.Beast over Asio with C++20 coroutines, one coroutine per connection,
// keep-alive, a 1 MiB body limit for JSON (uploads declare their own). Serves /api/v1 through the
// dispatcher.

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "clocks/reminder_plan.h"
#include "common/clock.h"
#include "common/result.h"
#include "service/audit_checkpoint.h"
#include "service/match_registry.h"
#include "service/match_watch.h"
#include "service/refusal_watch.h"
#include "store/store.h"

namespace taawun::api {

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;  // 0: any free port
  int threads = 2;
  // The most client connections held at once; past it, the one idle the longest is closed to
  // admit a new one (api/connection_table.h). 0: from the descriptor limit (RLIMIT_NOFILE).
  std::size_t max_connections = 0;
  std::string web_directory;  // serve the built front end from here at "/" when not empty
  // The origin the platform is reached at ("https://taawun.example" behind a TLS proxy): writes
  // authenticated by the session cookie must come from it. Empty: from the Host header's.
  // REQUIRES: empty or normalize_origin(public_origin) (api/origin.h) has a value.
  std::string public_origin;
  // An account's refused accesses (403/404) in 24 hours that raise an alert: an
  // access.refusal_alert audit event and a warning in the server log. REQUIRES: >= 1.
  int refusal_alert_per_day = service::kDefaultRefusalAlertPerDay;
  // One account's matches against one country's records in 24 hours that raise a match.rate_alert
  // in that country's audit log (service/match_watch.h). REQUIRES: >= 1.
  int match_alert_per_day = service::kDefaultMatchAlertPerDay;
  // How often the reminder scheduler looks for due reminders and escalations; 0 disables it.
  std::chrono::seconds reminder_interval{30};
  // When reminders fall and whom escalations reach. REQUIRES: clocks::validate(reminders).ok().
  clocks::ReminderPolicy reminders;
  // Signs audit checkpoints in the background when set (must outlive the server): checked every
  // second, signed every kCheckpointEveryEntries entries, or once the log has grown and the latest
  // checkpoint is `checkpoint_interval` old (service/audit_checkpoint.h).
  service::AuditCheckpointer* checkpointer = nullptr;
  std::chrono::seconds checkpoint_interval = service::kCheckpointEvery;
};

class Server {
 public:
  // `matching` (may be null: no link detection) must outlive the server.
  Server(store::Database& database, const Clock& clock, ServerOptions options,
         service::MatchRegistry* matching);
  ~Server();

  // Binds and listens; returns the bound port.
  Result<unsigned short> listen();
  // Serves until stop() or SIGINT/SIGTERM. REQUIRES: listen() succeeded.
  void run();
  // Thread-safe; run() returns soon after.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace taawun::api
