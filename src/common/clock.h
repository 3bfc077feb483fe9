#pragma once

// The source of "now". Code that depends on time (session expiry, lockouts, deadlines) takes a
// Clock so tests can move time instead of sleeping.

#include <atomic>
#include <chrono>

namespace taawun {

using Timestamp = std::chrono::sys_time<std::chrono::microseconds>;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Timestamp now() const override {
    return std::chrono::time_point_cast<std::chrono::microseconds>(
        std::chrono::system_clock::now());
  }
};

// The system clock shifted by a fixed offset: lets an exercise or a test run the platform "in the
// future" (e.g. across a reminder's due time) without touching the machine's clock.
class OffsetClock final : public Clock {
 public:
  explicit OffsetClock(std::chrono::seconds offset) : offset_(offset) {}
  Timestamp now() const override { return system_.now() + offset_; }

 private:
  SystemClock system_;
  std::chrono::seconds offset_;
};

// A clock that only moves when told to. Thread-safe.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Timestamp start) : micros_(start.time_since_epoch().count()) {}
  Timestamp now() const override { return Timestamp(std::chrono::microseconds(micros_.load())); }
  void advance(std::chrono::microseconds by) { micros_ += by.count(); }

 private:
  std::atomic<long long> micros_;
};

}  // namespace taawun
