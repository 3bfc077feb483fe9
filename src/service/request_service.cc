#include "service/request_service.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "auth/policy.h"
#include "clocks/reminder_plan.h"
#include "clocks/request_clock.h"
#include "common/ids.h"
#include "domain/countries.h"
#include "domain/request_completeness.h"
#include "domain/request_workflow.h"
#include "domain/validation.h"
#include "service/audit_recorder.h"
#include "service/duty_service.h"
#include "service/record_stamp.h"

namespace taawun::service {

namespace {

using domain::Request;
using domain::RequestState;

Result<Request> load_visible(store::Store& store, const RequestContext& context,
                             std::string_view id) {
  TAAWUN_ASSIGN_OR_RETURN(auto request, store.find_request(id));
  if (!request) return Error::not_found();
  TAAWUN_TRY(auth::check_request_party(context.actor, *request));
  return std::move(*request);
}

// executing names a country, an authority, or (provider channels) a provider.
Status resolve_executing(store::Store& store, Request& request) {
  if (request.executing.size() == 2 &&
      std::isupper(static_cast<unsigned char>(request.executing[0])) &&
      std::isupper(static_cast<unsigned char>(request.executing[1]))) {
    request.executing_country = request.executing;
    return {};
  }
  TAAWUN_ASSIGN_OR_RETURN(auto authorities, store.list_authorities());
  for (const auto& authority : authorities) {
    if (authority.id == request.executing) {
      request.executing_country = authority.country;
      return {};
    }
  }
  if (domain::addresses_provider(request.channel)) return {};  // a provider, not an authority
  return Error::invalid(
      "validation.invalid_value",
      "executing must be a member country code (MA, FR, BE, ES) or an authority id.", "executing");
}

Status check_persons_visible(store::Store& store, const RequestContext& context,
                             const Request& request) {
  for (size_t i = 0; i < request.person_ids.size(); ++i) {
    TAAWUN_ASSIGN_OR_RETURN(auto person, store.find_person(request.person_ids[i]));
    if (!person || !auth::is_visible(context.actor, person->meta)) {
      return Error::invalid("validation.invalid_value", "No such person.",
                            "person_ids[" + std::to_string(i) + "]");
    }
  }
  return {};
}

Status refresh_deadlines(Request& request) {
  TAAWUN_ASSIGN_OR_RETURN(auto deadlines, clocks::request_deadlines(request));
  request.deadlines = clocks::to_request_deadlines(deadlines);
  return {};
}

Status save(store::Store& store, const RequestContext& context, Request& request,
            std::string_view operation) {
  request.meta.version += 1;
  request.meta.updated_at = context.now;
  TAAWUN_TRY(store.update_request(request));
  return record_audit(store, context, {operation, "request", request.meta.id});
}

double percentile(std::vector<double> values, double fraction) {
  std::sort(values.begin(), values.end());
  const double rank = fraction * static_cast<double>(values.size() - 1);
  const size_t lower = static_cast<size_t>(std::floor(rank));
  const size_t upper = std::min(lower + 1, values.size() - 1);
  return values[lower] + (values[upper] - values[lower]) * (rank - static_cast<double>(lower));
}

// Every request the actor's country is party to, for desk and statistics views.
Result<std::vector<Request>> all_party_requests(store::Store& store,
                                                const RequestContext& context) {
  std::vector<Request> out;
  store::PageRequest page{context.actor.country, "", 100};
  for (;;) {
    TAAWUN_ASSIGN_OR_RETURN(auto batch, store.list_requests(page, {}));
    for (auto& request : batch.items) out.push_back(std::move(request));
    if (!batch.next_cursor) return out;
    page.cursor = *batch.next_cursor;
  }
}

// A request belongs to one of the caller's proceedings. A foreign and a missing id answer alike, on
// create and on every change, so the answer reveals nothing about other countries' ids.
Status check_proceeding_visible(store::Store& store, const RequestContext& context,
                                const std::string& proceeding_id) {
  TAAWUN_TRY(domain::check_required("proceeding_id", proceeding_id));
  TAAWUN_ASSIGN_OR_RETURN(auto proceeding, store.find_proceeding(proceeding_id));
  if (!proceeding || !auth::is_visible(context.actor, proceeding->meta)) {
    return Error::invalid("validation.invalid_value", "No such proceeding.", "proceeding_id");
  }
  return {};
}

}  // namespace

Result<Request> create_request(store::Store& store, const RequestContext& context, Request input) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kWriteRegister));
  TAAWUN_TRY(check_proceeding_visible(store, context, input.proceeding_id));
  input.issuing_country = context.actor.country;
  if (input.issuing.empty()) input.issuing = context.actor.authority_id;
  TAAWUN_TRY(resolve_executing(store, input));
  TAAWUN_TRY(check_persons_visible(store, context, input));
  TAAWUN_TRY(domain::validate_draft(input));
  input.meta = new_record_meta("req", context);
  input.status = RequestState::kDraft;
  input.status_history = {{RequestState::kDraft, context.now, context.actor.user_id}};
  input.extensions.clear();
  input.urgency_changed_at.reset();
  TAAWUN_TRY(refresh_deadlines(input));
  TAAWUN_TRY(store.insert_request(input));
  TAAWUN_TRY(record_audit(store, context, {"request.create", "request", input.meta.id}));
  return input;
}

Result<Request> read_request(store::Store& store, const RequestContext& context,
                             std::string_view id) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kReadRegister));
  TAAWUN_TRY(require_purpose(context));
  TAAWUN_ASSIGN_OR_RETURN(auto request, load_visible(store, context, id));
  TAAWUN_TRY(record_audit(store, context, {"request.read", "request", request.meta.id}));
  return request;
}

Result<Request> update_request(store::Store& store, const RequestContext& context,
                               std::string_view id, long long expected_version,
                               const RequestChanges& changes) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kWriteRegister));
  TAAWUN_ASSIGN_OR_RETURN(auto request, load_visible(store, context, id));
  if (context.actor.country != request.issuing_country) {
    return Error{ErrorKind::kForbidden,
                 "request.wrong_side",
                 "Only the issuing authority changes a request.",
                 {}};
  }
  TAAWUN_TRY(domain::check_version(request.meta, expected_version));
  if (request.status != RequestState::kDraft) {
    return Error{ErrorKind::kConflict,
                 "request.not_draft",
                 "Only a draft can be changed; this request is " +
                     std::string(domain::to_string(request.status)) + ".",
                 {}};
  }
  const auto urgency_before = request.urgency;
  TAAWUN_TRY(changes(request));
  request.issuing_country = context.actor.country;
  TAAWUN_TRY(check_proceeding_visible(store, context, request.proceeding_id));
  TAAWUN_TRY(resolve_executing(store, request));
  TAAWUN_TRY(check_persons_visible(store, context, request));
  TAAWUN_TRY(domain::validate_draft(request));
  if (request.urgency != urgency_before) request.urgency_changed_at = context.now;
  TAAWUN_TRY(refresh_deadlines(request));
  TAAWUN_TRY(save(store, context, request, "request.update"));
  return request;
}

Result<std::vector<Error>> review_request(store::Store& store, const RequestContext& context,
                                          std::string_view id) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kReadRegister));
  TAAWUN_TRY(require_purpose(context));
  TAAWUN_ASSIGN_OR_RETURN(auto request, load_visible(store, context, id));
  TAAWUN_TRY(record_audit(store, context, {"request.review", "request", request.meta.id}));
  return domain::validate(request);
}

Result<Request> transition_request(store::Store& store, const RequestContext& context,
                                   std::string_view id, std::string_view to) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kWriteRegister));
  auto target = domain::parse_request_state(to);
  if (!target.ok()) {
    Error error = target.error();
    error.field = "to";
    return error;
  }
  TAAWUN_ASSIGN_OR_RETURN(auto request, load_visible(store, context, id));
  TAAWUN_ASSIGN_OR_RETURN(auto transition,
                          domain::check_transition(request.channel, request.status, *target));
  TAAWUN_TRY(domain::check_side(request.channel, transition,
                                domain::side_of(request, context.actor.country)));
  TAAWUN_TRY(domain::apply_transition(request, *target, context.now, context.actor.user_id));
  TAAWUN_TRY(refresh_deadlines(request));
  TAAWUN_TRY(save(store, context, request, "request.transition"));
  const bool sent = *target == RequestState::kSent || *target == RequestState::kIssued;
  if (sent && request.urgency == domain::Urgency::kEmergency &&
      !request.executing_country.empty()) {
    // The emergency lane: the executing country's on-call liaison hears of it at once, not at
    // the first reminder (every liaison magistrate there when nobody is on call). A provider
    // established where the platform has no desk (Ireland) answers the issuer directly: the
    // issuing country's on-call liaison follows the clock instead.
    const std::string& alerted = domain::executing_desk(request);
    const bool alerting_issuer = alerted != request.executing_country;
    TAAWUN_ASSIGN_OR_RETURN(
        auto on_call,
        duty_recipients(store, alerted, domain::DutyKind::kOnCallLiaison, context.now));
    domain::Notification alert{
        "emergency:" + request.meta.id + ":" + alerted,
        alerted,
        request.meta.id,
        alerting_issuer ? "emergency_follow_up" : "emergency",
        request.deadlines.empty() ? "" : request.deadlines.front().kind,
        0,
        "liaison_magistrate",
        request.deadlines.empty() ? context.now : request.deadlines.front().due_at,
        context.now,
        std::move(on_call.users),
        std::string(on_call.basis)};
    TAAWUN_TRY(store.insert_notification(alert));
  }
  return request;
}

Result<Request> extend_request_deadline(store::Store& store, const RequestContext& context,
                                        std::string_view id, std::string_view kind,
                                        std::string reason) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kWriteRegister));
  TAAWUN_TRY(domain::check_required("kind", kind));
  TAAWUN_TRY(domain::check_required("reason", reason));
  TAAWUN_TRY(domain::check_length("reason", reason, domain::kLongTextLimit));
  TAAWUN_ASSIGN_OR_RETURN(auto request, load_visible(store, context, id));
  TAAWUN_ASSIGN_OR_RETURN(auto party, clocks::check_extension(clocks::clock_input(request), kind));
  const domain::Side side = domain::side_of(request, context.actor.country);
  const domain::Side granting =
      party == clocks::Party::kIssuing ? domain::Side::kIssuing : domain::Side::kExecuting;
  if (side != domain::Side::kEither && side != granting) {
    return Error{ErrorKind::kForbidden, "request.wrong_side",
                 "Only the " + std::string(domain::to_string(granting)) + " side extends the '" +
                     std::string(kind) + "' deadline.",
                 "kind"};
  }
  request.extensions.push_back({std::string(kind), context.now, context.actor.user_id,
                                std::move(reason), std::string(domain::to_string(granting))});
  TAAWUN_TRY(refresh_deadlines(request));
  TAAWUN_TRY(save(store, context, request, "request.extend_deadline"));
  // The other party's desk must learn its clock moved.
  const std::string& other = context.actor.country == request.issuing_country
                                 ? domain::executing_desk(request)
                                 : request.issuing_country;
  if (!other.empty() && other != context.actor.country) {
    Timestamp due = context.now;
    for (const auto& deadline : request.deadlines) {
      if (deadline.kind == kind) due = deadline.due_at;
    }
    TAAWUN_TRY(store.insert_notification(
        {"extension:" + request.meta.id + ":" + std::string(kind) + ":" + other, other,
         request.meta.id, "extension", std::string(kind), 0, "", due, context.now}));
  }
  return request;
}

Result<store::Page<Request>> list_requests(store::Store& store, const RequestContext& context,
                                           store::PageRequest page,
                                           const store::RequestQuery& query) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kReadRegister));
  TAAWUN_TRY(require_purpose(context));
  if (!query.box.empty() && query.box != "outgoing" && query.box != "incoming") {
    return Error::invalid("request.invalid_query", "box must be outgoing or incoming.", "box");
  }
  page.country = context.actor.country;
  TAAWUN_ASSIGN_OR_RETURN(auto result, store.list_requests(page, query));
  for (const auto& request : result.items) {
    TAAWUN_TRY(record_audit(store, context, {"request.read", "request", request.meta.id}));
  }
  return result;
}

Result<Desk> desk(store::Store& store, const RequestContext& context) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kReadRegister));
  TAAWUN_TRY(require_purpose(context));
  TAAWUN_ASSIGN_OR_RETURN(auto requests, all_party_requests(store, context));
  Desk result;
  for (auto& request : requests) {
    if (domain::is_terminal(request.channel, request.status)) continue;
    const bool emergency = request.urgency == domain::Urgency::kEmergency;
    const auto horizon = emergency ? std::chrono::hours(24) : std::chrono::hours(24 * 7);
    std::optional<DeskEntry> nearest;
    for (const auto& deadline : request.deadlines) {
      if (deadline.status != "open") continue;
      DeskEntry entry{request, deadline.kind, deadline.due_at};
      if (context.now > deadline.due_at) {
        result.overdue.push_back(entry);
      } else if (deadline.due_at - context.now <= horizon) {
        result.due_soon.push_back(entry);
      }
      if (!nearest || deadline.due_at < nearest->due_at) nearest = entry;
    }
    if (emergency) {
      result.emergencies.push_back(nearest ? *nearest : DeskEntry{request, "", {}});
    }
  }
  for (auto* list : {&result.due_soon, &result.overdue, &result.emergencies}) {
    std::sort(list->begin(), list->end(),
              [](const DeskEntry& a, const DeskEntry& b) { return a.due_at < b.due_at; });
    std::set<std::string> audited;
    for (const auto& entry : *list) {
      if (audited.insert(entry.request.meta.id).second) {
        TAAWUN_TRY(
            record_audit(store, context, {"request.read", "request", entry.request.meta.id}));
      }
    }
  }
  return result;
}

Result<RequestStatistics> request_statistics(store::Store& store, const RequestContext& context) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kReadRegister));
  TAAWUN_ASSIGN_OR_RETURN(auto requests, all_party_requests(store, context));
  RequestStatistics stats;
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<double>> durations;
  for (const auto& request : requests) {
    ++stats.by_status[std::string(domain::to_string(request.status))];
    std::optional<Timestamp> sent, done;
    for (const auto& change : request.status_history) {
      if (!sent && (change.state == RequestState::kSent || change.state == RequestState::kIssued)) {
        sent = change.at;
      }
      if (!done &&
          (change.state == RequestState::kResultsReceived ||
           change.state == RequestState::kProduced || change.state == RequestState::kClosed)) {
        done = change.at;
      }
    }
    if (sent && done && *done >= *sent) {
      const double days = std::chrono::duration<double>(*done - *sent).count() / 86400.0;
      durations[{request.issuing_country, request.executing_country,
                 std::string(domain::to_string(request.channel))}]
          .push_back(days);
    }
    // A deadline counts once it is decided: met (in time or late) or past due while open.
    TAAWUN_ASSIGN_OR_RETURN(auto deadlines, clocks::request_deadlines(request));
    for (const auto& deadline : deadlines) {
      if (deadline.status == clocks::DeadlineStatus::kMet) {
        ++stats.deadlines_due;
        if (deadline.met_at && *deadline.met_at <= deadline.due_at) ++stats.deadlines_met_in_time;
      } else if (deadline.status == clocks::DeadlineStatus::kOpen &&
                 context.now > deadline.due_at) {
        ++stats.deadlines_due;
      }
    }
  }
  for (const auto& [key, values] : durations) {
    stats.turnaround.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key),
                                static_cast<int>(values.size()), percentile(values, 0.5),
                                percentile(values, 0.9)});
  }
  TAAWUN_TRY(record_audit(store, context, {"request.statistics", "request", ""}));
  return stats;
}

Result<int> send_due_reminders(store::Store& store, Timestamp now,
                               const clocks::ReminderPolicy& policy) {
  int sent = 0;
  std::vector<Request> open;
  TAAWUN_TRY(store.scan_open_requests([&](const Request& request) {
    open.push_back(request);
    return true;
  }));
  for (const auto& request : open) {
    TAAWUN_ASSIGN_OR_RETURN(auto deadlines, clocks::request_deadlines(request));
    for (const auto& deadline : deadlines) {
      if (deadline.status != clocks::DeadlineStatus::kOpen) continue;
      const auto plan = clocks::plan_reminders(request.meta.id, deadline.kind, deadline.started_at,
                                               deadline.due_at, policy);
      // After downtime only the latest due reminder goes out (earlier ones are superseded), with
      // every escalation reached; notifications already sent are skipped by their ids.
      for (const auto& item : clocks::select_due(plan, now, {}).send) {
        // Both parties' desks follow the clock; each gets its own copy.
        for (const std::string& country : {request.issuing_country, request.executing_country}) {
          // Only a party's desk gets a copy: a provider's state outside the platform has none.
          if (!domain::countries::is_agreement_party(country)) continue;
          // Escalations go to named people: level 1 the on-call liaison, level 2 the head of
          // office, as the roster stands when the escalation is sent.
          domain::Addressees addressees;
          if (item.kind == clocks::ReminderKind::kEscalation) {
            const auto duty = item.role == "head_of_office" ? domain::DutyKind::kHeadOfOffice
                                                            : domain::DutyKind::kOnCallLiaison;
            TAAWUN_ASSIGN_OR_RETURN(addressees, duty_recipients(store, country, duty, now));
          }
          domain::Notification notification{item.id + ":" + country,
                                            country,
                                            request.meta.id,
                                            std::string(clocks::to_string(item.kind)),
                                            deadline.kind,
                                            item.level,
                                            item.role,
                                            deadline.due_at,
                                            now,
                                            std::move(addressees.users),
                                            std::string(addressees.basis)};
          TAAWUN_ASSIGN_OR_RETURN(bool inserted, store.insert_notification(notification));
          sent += inserted ? 1 : 0;
        }
      }
    }
  }
  return sent;
}

Result<store::Page<domain::Notification>> list_notifications(store::Store& store,
                                                             const RequestContext& context,
                                                             store::PageRequest page,
                                                             std::string_view order) {
  if (context.actor.user_id.empty()) {
    return Error{ErrorKind::kUnauthenticated, "auth.unauthenticated", "Log in first.", {}};
  }
  if (!order.empty() && order != "oldest" && order != "newest") {
    return Error::invalid("request.invalid_query", "order must be oldest or newest.", "order");
  }
  page.country = context.actor.country;
  return store.list_notifications(
      page, context.actor.user_id,
      order == "newest" ? store::SortOrder::kNewestFirst : store::SortOrder::kOldestFirst);
}

}  // namespace taawun::service
