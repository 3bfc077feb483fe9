#include "domain/link.h"

#include <array>
#include <utility>

namespace taawun::domain {

namespace {
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kLinkTransitions{{
    {"candidate", "under_verification"},
    {"candidate", "rejected"},
    {"under_verification", "confirmed"},
    {"under_verification", "rejected"},
}};
constexpr std::array<std::string_view, 4> kLinkStates{"candidate", "under_verification",
                                                      "confirmed", "rejected"};
}  // namespace

Status check_link_transition(std::string_view from, std::string_view to) {
  bool known = false;
  for (auto state : kLinkStates) known |= state == to;
  if (!known) {
    return Error::invalid("validation.invalid_value",
                          "to must be one of: candidate, under_verification, confirmed, rejected.",
                          "to");
  }
  for (const auto& [a, b] : kLinkTransitions) {
    if (a == from && b == to) return {};
  }
  return Error{ErrorKind::kConflict, "link.invalid_transition",
               "A link cannot go from " + std::string(from) + " to " + std::string(to) + ".", "to"};
}

const LinkSide* side_of(const Link& link, std::string_view country) {
  if (link.left.country == country) return &link.left;
  if (link.right.country == country) return &link.right;
  return nullptr;
}

LinkSide* side_of(Link& link, std::string_view country) {
  return const_cast<LinkSide*>(side_of(static_cast<const Link&>(link), country));
}

const LinkSide& other_side(const Link& link, std::string_view country) {
  return link.left.country == country ? link.right : link.left;
}

bool rejection_still_holds(const Link& link, long long left_version, long long right_version) {
  return link.status == "rejected" && link.left.person_version == left_version &&
         link.right.person_version == right_version;
}

}  // namespace taawun::domain
