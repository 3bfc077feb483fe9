#pragma once

// The roles of DESIGN.md §5. What each may do is decided in auth/policy, not here.

#include <optional>
#include <string>
#include <string_view>

namespace taawun::domain {

enum class Role { kProsecutor, kLiaisonMagistrate, kAnalyst, kAuditor, kAdministrator };

std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view text);

}  // namespace taawun::domain
