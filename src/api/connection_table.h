#pragma once

// The open client connections, so that a flood of connections that send nothing cannot take every
// file descriptor and lock out the clients that do send requests. The table holds at most
// `capacity` connections; admitting one more when full closes the connection that has been idle
// (waiting for a request, including one that never sent a byte) the longest. A connection is busy
// from the moment its request is being handled until its answer is written; a busy one is never
// closed by the table. When every connection is busy, the newcomer is refused instead.
//
// Thread-safe: connections on several I/O threads admit, mark and leave concurrently. The close
// callbacks run with the table's lock held and must only schedule the close (post it to the
// connection's strand), never re-enter the table.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>

namespace taawun::api {

class ConnectionTable {
 public:
  using Id = std::uint64_t;
  using Close = std::function<void()>;
  using Clock = std::chrono::steady_clock;

  // REQUIRES: capacity > 0.
  explicit ConnectionTable(std::size_t capacity);

  // Registers a new, idle connection whose socket `close` closes. When the table is full, first
  // closes (and forgets) the connection idle the longest; nullopt when every connection is busy,
  // and then the caller closes the newcomer itself.
  std::optional<Id> admit(Close close);

  // The connection is handling a request (busy) or waiting for the next one (idle, since now).
  // No effect for an id the table no longer holds (closed by the table, or left).
  void set_busy(Id id, bool busy);

  // The connection is gone; the table forgets it. No effect for an unknown id.
  void leave(Id id);

  // Closes the connection idle the longest, to free a descriptor when the process has none left
  // (EMFILE). False when no connection is idle.
  bool shed_oldest_idle();

  std::size_t size() const;
  std::size_t capacity() const { return capacity_; }

 private:
  struct Entry {
    Close close;
    bool busy = false;
    Clock::time_point idle_since;
  };
  bool shed_oldest_idle_locked();

  const std::size_t capacity_;
  mutable std::mutex mutex_;
  Id next_id_ = 1;
  std::map<Id, Entry> entries_;
};

// The connections a process may hold when it may open `descriptor_limit` files: the limit less a
// reserve for the database, the log, served files and the connections being shed (a quarter of
// the limit, at most 128), and at least 1.
std::size_t connection_capacity_for(std::size_t descriptor_limit);

// connection_capacity_for(the process's current soft RLIMIT_NOFILE).
std::size_t default_connection_capacity();

}  // namespace taawun::api
