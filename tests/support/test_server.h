#pragma once

// TestServer: the real `taawun` binary on a throwaway database, for API tests.
//
//   TestServer server;                     // makes a temp dir; nothing runs yet
//   ASSERT_TRUE(server.create_demo());     // taawun demo --db <dir>/taawun.db
//   ASSERT_TRUE(server.start());           // taawun serve --port 0; waits for "listening on"
//   HttpClient client("127.0.0.1", server.port());
//   server.kill();  server.start();        // SIGKILL, then restart on the same database
//
// The temp dir (database, server logs) is removed by the destructor unless the environment
// variable TAAWUN_KEEP_TEST_DIR is set. The binary is TAAWUN_BINARY (compile definition), or the
// environment variable of the same name when set.
//
// Not thread-safe: drive one TestServer from one thread.

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace taawun::testing {

inline constexpr char kDemoPassword[] = "taawun-demo-pass";

struct TestServerOptions {
  // Put the database on /dev/shm when it exists: fsync is then free, which keeps tests that make
  // thousands of audited requests fast. The durability test turns this off.
  bool memory_backed = false;
  std::string password = kDemoPassword;
  // Extra arguments of `taawun serve` (e.g. {"--reminder-interval", "1"}); see set_serve_args.
  std::vector<std::string> serve_args;
};

struct CommandResult {
  int exit_code = -1;  // -1 when the command could not run; -N when it died of signal N
  std::string output;  // stdout and stderr together
};

class TestServer {
 public:
  explicit TestServer(TestServerOptions options = {});
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  // Runs `taawun demo --db db_path() --password P`.
  ::testing::AssertionResult create_demo();
  // Runs `taawun init --db db_path() --password P`: an empty platform whose only users are the
  // four administrators ("ma.admin", ...), all with password P.
  ::testing::AssertionResult create_empty();
  // Extra `taawun serve` arguments for the next start() (e.g. a --clock-offset for a restart).
  void set_serve_args(std::vector<std::string> args) { options_.serve_args = std::move(args); }
  // Spawns `taawun serve --db db_path() --port 0` and waits for the listening line.
  ::testing::AssertionResult start();
  // SIGKILL and reap. No-op when not running.
  void kill();
  // SIGTERM and reap; the result says whether it exited with status 0.
  ::testing::AssertionResult stop();
  bool running() const { return pid_ > 0; }
  pid_t pid() const { return pid_; }

  int port() const { return port_; }
  const std::string& password() const { return options_.password; }
  std::string db_path() const { return (dir_ / "taawun.db").string(); }
  const std::filesystem::path& dir() const { return dir_; }
  // The server's stdout and stderr so far (all runs), for failure messages.
  std::string logs() const;

  // Runs the taawun binary with `args` and waits for it.
  static CommandResult run_taawun(const std::vector<std::string>& args);
  static std::string binary();

 private:
  TestServerOptions options_;
  std::filesystem::path dir_;
  pid_t pid_ = -1;
  int port_ = 0;
  int stdout_fd_ = -1;
  std::thread drain_;
  int runs_ = 0;
};

}  // namespace taawun::testing
