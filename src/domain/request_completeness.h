#pragma once

// The completeness review of a request (issue 4 §2), done the way a careful central authority
// reviews a draft before it leaves: summary of facts, legal qualification, the link between the
// facts and each measure, the persons, accounts and identifiers concerned, the time frame of the
// data asked, confidentiality, and the reason for urgency — per channel and per measure, plus the
// consistency of the channel with the countries involved (an EIO involving Morocco is not an EIO).
//
// The rules are tables in request_completeness.cc (channel rules, measure rules, languages per
// country); docs/request-desk.md lists them with their sources.

#include <span>
#include <vector>

#include "common/result.h"
#include "domain/request.h"

namespace taawun::domain {

// Shortest summary of facts accepted: placeholders ("see attached", "cf. PV") are not a summary.
inline constexpr size_t kMinSummaryLength = 50;

// Every missing or inconsistent field of `request`, in field order, each an Error of kind
// kInvalid whose `field` names it (JSON-pointer-ish: "measures[1].link_to_facts") and whose
// `code` is stable:
//   validation.missing_field          — a required field is empty
//   validation.invalid_value / too_long / too_many — the draft shape check (first problem only)
//   request.summary_too_short         — summary_of_facts.text under kMinSummaryLength characters
//   request.channel_not_applicable    — channel and countries do not fit (EIO with MA, ...)
//   request.same_country              — issuing and executing country are the same
//   request.measure_not_allowed       — measure type not available on the channel
//   request.data_category_not_allowed — data category not available on the channel
//   request.invalid_time_frame        — time_frame.from after time_frame.to
//   request.judicial_authority_required — e-evidence traffic/content data without a judge
//   request.validation_required       — order by an "other competent authority" not validated
//   request.language_not_accepted     — no language the executing country accepts
//   request.requested_deadline_not_allowed — the channel's deadlines are set by law only
//   request.urgency_inconsistent      — an emergency measure on a non-emergency request
// Empty means complete: the request may move to "validated".
std::vector<Error> validate(const Request& request);

// One error for a failed review, for the API: request.incomplete (kInvalid), `field` = the first
// problem's field, message listing every field. REQUIRES: !problems.empty().
Error summarise(std::span<const Error> problems);

}  // namespace taawun::domain
