#include "support/test_server.h"

#include "support/authenticator.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>

#ifndef TAAWUN_BINARY
#define TAAWUN_BINARY "taawun"
#endif

extern char** environ;

namespace taawun::testing {

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

fs::path make_temp_dir(bool memory_backed) {
  fs::path base = fs::temp_directory_path();
  if (memory_backed && fs::is_directory("/dev/shm")) base = "/dev/shm";
  std::random_device rd;
  for (int attempt = 0; attempt < 100; ++attempt) {
    fs::path candidate = base / ("taawun-test-" + std::to_string(getpid()) + "-" +
                                 std::to_string(rd() % 1000000000u));
    std::error_code ec;
    if (fs::create_directory(candidate, ec)) return candidate;
  }
  return base / "taawun-test-fallback";
}

// posix_spawn with stdout -> `stdout_fd` (or the file) and stderr -> `stderr_path`.
pid_t spawn(const std::vector<std::string>& args, int stdout_fd, const std::string& stdout_path,
            const std::string& stderr_path) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  if (stdout_fd >= 0) {
    posix_spawn_file_actions_adddup2(&actions, stdout_fd, 1);
  } else {
    posix_spawn_file_actions_addopen(&actions, 1, stdout_path.c_str(),
                                     O_WRONLY | O_CREAT | O_APPEND, 0644);
  }
  posix_spawn_file_actions_addopen(&actions, 2, stderr_path.c_str(), O_WRONLY | O_CREAT | O_APPEND,
                                   0644);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return rc == 0 ? pid : -1;
}

int wait_exit_code(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  if (WIFSIGNALED(status)) return -WTERMSIG(status);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Waits up to `limit` for `pid`; SIGKILLs it after that (a hang guard). Returns the exit code,
// or minus the signal number (-9 also when it had to be killed).
int wait_exit_code_or_kill(pid_t pid, std::chrono::seconds limit) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  int status = 0;
  for (;;) {
    pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid) {
      if (WIFSIGNALED(status)) return -WTERMSIG(status);
      return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    if (r < 0 && errno != EINTR) return -1;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      wait_exit_code(pid);
      return -SIGKILL;
    }
    usleep(10000);
  }
}

}  // namespace

std::string TestServer::binary() {
  if (const char* env = std::getenv("TAAWUN_BINARY"); env && *env) return env;
  return TAAWUN_BINARY;
}

CommandResult TestServer::run_taawun(const std::vector<std::string>& args) {
  CommandResult result;
  fs::path out = make_temp_dir(false);
  fs::path log = out / "output.txt";
  std::vector<std::string> argv = {binary()};
  argv.insert(argv.end(), args.begin(), args.end());
  pid_t pid = spawn(argv, -1, log.string(), log.string());
  if (pid < 0) {
    result.output = "cannot spawn " + binary() + ": " + std::strerror(errno);
  } else {
    result.exit_code = wait_exit_code(pid);
    result.output = read_file(log);
  }
  std::error_code ec;
  fs::remove_all(out, ec);
  return result;
}

TestServer::TestServer(TestServerOptions options)
    : options_(std::move(options)), dir_(make_temp_dir(options_.memory_backed)) {
  // A dead server must not kill the test process through a write on a closed socket.
  signal(SIGPIPE, SIG_IGN);
}

TestServer::~TestServer() {
  if (running()) {
    if (!stop()) kill();
  }
  if (!std::getenv("TAAWUN_KEEP_TEST_DIR")) {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
}

std::string TestServer::logs() const {
  return "--- server stdout ---\n" + read_file(dir_ / "server.stdout.log") +
         "--- server stderr ---\n" + read_file(dir_ / "server.stderr.log");
}

::testing::AssertionResult TestServer::create_demo() {
  CommandResult r = run_taawun({"demo", "--db", db_path(), "--password", options_.password});
  if (r.exit_code != 0) {
    return ::testing::AssertionFailure() << "taawun demo exited " << r.exit_code << ":\n"
                                         << r.output;
  }
  return ::testing::AssertionSuccess();
}

::testing::AssertionResult TestServer::create_empty() {
  CommandResult r = run_taawun({"init", "--db", db_path(), "--password", options_.password});
  if (r.exit_code != 0) {
    return ::testing::AssertionFailure() << "taawun init exited " << r.exit_code << ":\n"
                                         << r.output;
  }
  return ::testing::AssertionSuccess();
}

::testing::AssertionResult TestServer::start() {
  if (running()) return ::testing::AssertionFailure() << "server already running";
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return ::testing::AssertionFailure() << "pipe2 failed";
  ++runs_;
  {
    std::ofstream marker(dir_ / "server.stderr.log", std::ios::app);
    marker << "=== run " << runs_ << " ===\n";
  }
  std::vector<std::string> args = {binary(), "serve", "--db", db_path(), "--port", "0"};
  args.insert(args.end(), options_.serve_args.begin(), options_.serve_args.end());
  {
    std::ofstream marker(dir_ / "server.stderr.log", std::ios::app);
    for (const std::string& a : args) marker << a << ' ';
    marker << '\n';
  }
  pid_ = spawn(args, fds[1], "", (dir_ / "server.stderr.log").string());
  close(fds[1]);
  if (pid_ < 0) {
    close(fds[0]);
    return ::testing::AssertionFailure() << "cannot spawn " << binary();
  }
  stdout_fd_ = fds[0];

  // Read lines until the listening line; a hang guard of 120 s, not a timing assertion.
  const std::string marker = "taawun: listening on 127.0.0.1:";
  std::string seen;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  port_ = 0;
  while (port_ == 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd p{stdout_fd_, POLLIN, 0};
    int rc = poll(&p, 1, static_cast<int>(left.count()));
    if (rc < 0 && errno == EINTR) continue;
    if (rc <= 0) break;
    char buf[4096];
    ssize_t n = read(stdout_fd_, buf, sizeof buf);
    if (n <= 0) break;  // EOF: the server exited
    seen.append(buf, static_cast<size_t>(n));
    size_t at = seen.find(marker);
    if (at != std::string::npos) {
      size_t end = seen.find('\n', at);
      if (end != std::string::npos) {
        port_ = std::atoi(seen.c_str() + at + marker.size());
      }
    }
  }
  {
    std::ofstream log(dir_ / "server.stdout.log", std::ios::app | std::ios::binary);
    log << seen;
  }
  if (port_ <= 0) {
    kill();
    return ::testing::AssertionFailure() << "server did not print \"" << marker << "PORT\"\n"
                                         << logs();
  }
  long long clock_offset = 0;
  for (size_t i = 0; i + 1 < options_.serve_args.size(); ++i) {
    if (options_.serve_args[i] == "--clock-offset") {
      clock_offset = std::stoll(options_.serve_args[i + 1]);
    }
  }
  register_server(port_, dir_.string(), clock_offset);
  // Keep draining stdout so the server never blocks on a full pipe.
  int fd = stdout_fd_;
  fs::path log_path = dir_ / "server.stdout.log";
  drain_ = std::thread([fd, log_path] {
    std::ofstream log(log_path, std::ios::app | std::ios::binary);
    char buf[4096];
    for (;;) {
      ssize_t n = read(fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      log.write(buf, n);
      log.flush();
    }
  });
  return ::testing::AssertionSuccess();
}

void TestServer::kill() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    wait_exit_code(pid_);
    pid_ = -1;
  }
  if (drain_.joinable()) drain_.join();
  if (stdout_fd_ >= 0) {
    close(stdout_fd_);
    stdout_fd_ = -1;
  }
}

::testing::AssertionResult TestServer::stop() {
  if (pid_ <= 0) return ::testing::AssertionSuccess();
  ::kill(pid_, SIGTERM);
  int code = wait_exit_code_or_kill(pid_, std::chrono::seconds(60));
  pid_ = -1;
  if (drain_.joinable()) drain_.join();
  if (stdout_fd_ >= 0) {
    close(stdout_fd_);
    stdout_fd_ = -1;
  }
  if (code != 0) {
    return ::testing::AssertionFailure() << "server exited with " << code << " on SIGTERM\n"
                                         << logs();
  }
  return ::testing::AssertionSuccess();
}

}  // namespace taawun::testing
