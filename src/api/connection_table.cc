#include "api/connection_table.h"

#include <sys/resource.h>

#include <algorithm>
#include <utility>

namespace taawun::api {

ConnectionTable::ConnectionTable(std::size_t capacity) : capacity_(capacity) {}

std::optional<ConnectionTable::Id> ConnectionTable::admit(Close close) {
  std::lock_guard lock(mutex_);
  if (entries_.size() >= capacity_ && !shed_oldest_idle_locked()) return std::nullopt;
  const Id id = next_id_++;
  entries_.emplace(id, Entry{std::move(close), false, Clock::now()});
  return id;
}

void ConnectionTable::set_busy(Id id, bool busy) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(id);
  if (it == entries_.end()) return;
  it->second.busy = busy;
  if (!busy) it->second.idle_since = Clock::now();
}

void ConnectionTable::leave(Id id) {
  std::lock_guard lock(mutex_);
  entries_.erase(id);
}

bool ConnectionTable::shed_oldest_idle() {
  std::lock_guard lock(mutex_);
  return shed_oldest_idle_locked();
}

bool ConnectionTable::shed_oldest_idle_locked() {
  auto oldest = entries_.end();
  for (auto it = entries_.begin(); it != entries_.end(); ++it) {
    if (it->second.busy) continue;
    if (oldest == entries_.end() || it->second.idle_since < oldest->second.idle_since) oldest = it;
  }
  if (oldest == entries_.end()) return false;
  Close close = std::move(oldest->second.close);
  entries_.erase(oldest);
  close();
  return true;
}

std::size_t ConnectionTable::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

std::size_t connection_capacity_for(std::size_t descriptor_limit) {
  const std::size_t reserve = std::min<std::size_t>(128, descriptor_limit / 4);
  return descriptor_limit > reserve ? std::max<std::size_t>(1, descriptor_limit - reserve) : 1;
}

std::size_t default_connection_capacity() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) {
    return connection_capacity_for(1 << 16);
  }
  return connection_capacity_for(static_cast<std::size_t>(limit.rlim_cur));
}

}  // namespace taawun::api
