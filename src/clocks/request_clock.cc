#include "clocks/request_clock.h"

namespace taawun::clocks {

ClockInput clock_input(const domain::Request& r) {
  ClockInput in;
  in.channel = std::string(domain::to_string(r.channel));
  in.urgency = std::string(domain::to_string(r.urgency));
  in.urgency_changed_at = r.urgency_changed_at;
  in.issuing_country = r.issuing_country;
  in.executing_country = r.executing_country;
  for (const domain::Measure& m : r.measures) in.measures.push_back(m.type);
  in.data_categories = r.data_categories;
  for (const domain::StatusChange& change : r.status_history) {
    in.history.push_back({std::string(domain::to_string(change.state)), change.at});
  }
  for (const domain::DeadlineExtension& e : r.extensions) in.extensions.push_back({e.kind, e.at});
  in.requested_deadline = r.requested_deadline;
  return in;
}

Result<std::vector<Deadline>> request_deadlines(const domain::Request& request,
                                                const ClockConfig& config) {
  return compute_deadlines(clock_input(request), config);
}

std::vector<domain::RequestDeadline> to_request_deadlines(const std::vector<Deadline>& deadlines) {
  std::vector<domain::RequestDeadline> out;
  out.reserve(deadlines.size());
  for (const Deadline& d : deadlines) {
    const bool extendable = d.extendable && d.status == DeadlineStatus::kOpen;
    std::string extension_by;
    if (extendable && d.extension_by) {
      extension_by = *d.extension_by == Party::kIssuing ? "issuing" : "executing";
    }
    out.push_back({d.kind, d.due_at, std::string(to_string(d.status)), d.binding, d.extended,
                   extendable, std::move(extension_by), d.extension ? d.extension->amount : 0,
                   d.extension ? std::string(to_string(d.extension->unit)) : std::string()});
  }
  return out;
}

}  // namespace taawun::clocks
