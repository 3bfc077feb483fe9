#include "domain/role.h"

#include <array>
#include <utility>

namespace taawun::domain {

namespace {
constexpr std::array<std::pair<Role, std::string_view>, 5> kRoleNames{{
    {Role::kProsecutor, "prosecutor"},
    {Role::kLiaisonMagistrate, "liaison_magistrate"},
    {Role::kAnalyst, "analyst"},
    {Role::kAuditor, "auditor"},
    {Role::kAdministrator, "administrator"},
}};
}  // namespace

std::string_view to_string(Role role) {
  for (const auto& [r, name] : kRoleNames) {
    if (r == role) return name;
  }
  return "unknown";
}

std::optional<Role> parse_role(std::string_view text) {
  for (const auto& [r, name] : kRoleNames) {
    if (name == text) return r;
  }
  return std::nullopt;
}

}  // namespace taawun::domain
