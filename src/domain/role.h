#pragma once

// The roles of DESIGN.md §5. What each may do is decided in auth/policy, not here.

#include <optional>
#include <string>
#include <string_view>

namespace taawun::domain {

// kUnknown stands for a stored role this binary does not know; auth/policy allows it nothing.
enum class Role { kProsecutor, kLiaisonMagistrate, kAnalyst, kAuditor, kAdministrator, kUnknown };

std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view text);

}  // namespace taawun::domain
