#include "api/json/request_json.h"

#include "api/json/object_reader.h"
#include "common/time.h"
#include "domain/request_workflow.h"

namespace taawun::api::json {

namespace {

using nlohmann::json;

// A code the model leaves empty when it does not apply or was not kept: null in the API.
json text_or_null(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

json time_json(const std::optional<Timestamp>& t) {
  return t ? json(format_rfc3339(*t)) : json(nullptr);
}

// Reads an optional RFC 3339 time; null clears it.
Status read_time(ObjectReader& reader, const char* key, std::optional<Timestamp>& out) {
  std::string text = "\x01";  // sentinel: absent
  TAAWUN_TRY(reader.text(key, text));
  if (text == "\x01") return {};
  if (text.empty()) {
    out.reset();
    return {};
  }
  auto parsed = parse_rfc3339(text);
  if (!parsed.ok()) {
    Error error = parsed.error();
    error.field = reader.field(key);
    error.message = reader.field(key) + ": " + error.message;
    return error;
  }
  out = *parsed;
  return {};
}

template <typename T, typename Parse>
Status read_code(ObjectReader& reader, const char* key, T& out, Parse parse) {
  if (!reader.has(key)) {
    std::string ignored;
    return reader.text(key, ignored);
  }
  std::string text;
  TAAWUN_TRY(reader.text(key, text));
  auto parsed = parse(text);
  if (!parsed.ok()) {
    Error error = parsed.error();
    error.field = reader.field(key);
    error.kind = ErrorKind::kInvalid;
    return error;
  }
  out = *parsed;
  return {};
}

}  // namespace

Status read_request(const json& body, domain::Request& r) {
  ObjectReader reader(body);
  TAAWUN_TRY(reader.text("proceeding_id", r.proceeding_id));
  TAAWUN_TRY(read_code(reader, "channel", r.channel, domain::parse_channel));
  TAAWUN_TRY(reader.text("legal_basis", r.legal_basis));
  TAAWUN_TRY(reader.text("issuing_authority_kind", r.issuing_authority_kind));
  TAAWUN_TRY(reader.text("validating_authority_kind", r.validating_authority_kind));
  TAAWUN_TRY(reader.text("executing", r.executing));
  TAAWUN_TRY(reader.text("executing_country", r.executing_country));
  TAAWUN_TRY(reader.text("provider", r.provider));
  if (reader.has("measures")) {
    std::vector<domain::Measure> measures;
    TAAWUN_TRY(reader.object_list("measures", [&](ObjectReader& m, size_t) -> Status {
      domain::Measure measure;
      TAAWUN_TRY(m.text("type", measure.type));
      TAAWUN_TRY(m.text("description", measure.description));
      TAAWUN_TRY(m.text("link_to_facts", measure.link_to_facts));
      measures.push_back(std::move(measure));
      return {};
    }));
    r.measures = std::move(measures);
  }
  TAAWUN_TRY(reader.text_list("person_ids", r.person_ids));
  if (reader.has("identifiers")) {
    std::vector<domain::ConcernedIdentifier> identifiers;
    TAAWUN_TRY(reader.object_list("identifiers", [&](ObjectReader& i, size_t) -> Status {
      domain::ConcernedIdentifier identifier;
      TAAWUN_TRY(i.text("type", identifier.type));
      TAAWUN_TRY(i.text("value", identifier.value));
      identifiers.push_back(std::move(identifier));
      return {};
    }));
    r.identifiers = std::move(identifiers);
  }
  TAAWUN_TRY(reader.text_list("data_categories", r.data_categories));
  TAAWUN_TRY(reader.object("time_frame", [&](ObjectReader& t) -> Status {
    TAAWUN_TRY(read_time(t, "from", r.time_frame.from));
    return read_time(t, "to", r.time_frame.to);
  }));
  TAAWUN_TRY(reader.text_list("languages", r.languages));
  TAAWUN_TRY(read_code(reader, "urgency", r.urgency, domain::parse_urgency));
  TAAWUN_TRY(reader.text("urgency_justification", r.urgency_justification));
  TAAWUN_TRY(reader.object("summary_of_facts", [&](ObjectReader& s) -> Status {
    TAAWUN_TRY(s.text("lang", r.summary_of_facts.lang));
    return s.text("text", r.summary_of_facts.text);
  }));
  TAAWUN_TRY(reader.object("legal_qualification", [&](ObjectReader& q) -> Status {
    TAAWUN_TRY(q.text("article", r.legal_qualification.article));
    return q.text("text", r.legal_qualification.text);
  }));
  TAAWUN_TRY(reader.object("confidentiality", [&](ObjectReader& c) -> Status {
    TAAWUN_TRY(c.boolean("requested", r.confidentiality.requested));
    return c.text("reason", r.confidentiality.reason);
  }));
  TAAWUN_TRY(read_time(reader, "requested_deadline", r.requested_deadline));
  return reader.finish();
}

json request_to_json(const domain::Request& r, std::string_view viewer_country) {
  json measures = json::array();
  for (const auto& m : r.measures) {
    measures.push_back(
        {{"type", m.type}, {"description", m.description}, {"link_to_facts", m.link_to_facts}});
  }
  json identifiers = json::array();
  for (const auto& i : r.identifiers) identifiers.push_back({{"type", i.type}, {"value", i.value}});
  json history = json::array();
  for (const auto& h : r.status_history) {
    history.push_back(
        {{"state", domain::to_string(h.state)}, {"at", format_rfc3339(h.at)}, {"actor", h.actor}});
  }
  json deadlines = json::array();
  for (const auto& d : r.deadlines) {
    deadlines.push_back({{"kind", d.kind},
                         {"due_at", format_rfc3339(d.due_at)},
                         {"status", d.status},
                         {"binding", d.binding},
                         {"extended", d.extended},
                         {"extendable", d.extendable},
                         {"extension_by", text_or_null(d.extension_by)},
                         {"extension", d.extension_amount > 0 ? json{{"amount", d.extension_amount},
                                                                     {"unit", d.extension_unit}}
                                                              : json(nullptr)}});
  }
  json extensions = json::array();
  for (const auto& e : r.extensions) {
    extensions.push_back({{"kind", e.kind},
                          {"at", format_rfc3339(e.at)},
                          {"reason", e.reason},
                          {"by", text_or_null(e.side)}});
  }
  json next = json::array();
  for (auto state : domain::next_states(r.channel, r.status, domain::side_of(r, viewer_country))) {
    next.push_back(domain::to_string(state));
  }
  return {
      {"id", r.meta.id},
      {"proceeding_id", r.proceeding_id},
      {"channel", domain::to_string(r.channel)},
      {"legal_basis", r.legal_basis},
      {"issuing", r.issuing},
      {"issuing_country", r.issuing_country},
      {"issuing_authority_kind", r.issuing_authority_kind},
      {"validating_authority_kind", r.validating_authority_kind},
      {"executing", r.executing},
      {"executing_country", r.executing_country},
      {"provider", r.provider},
      {"measures", measures},
      {"person_ids", r.person_ids},
      {"identifiers", identifiers},
      {"data_categories", r.data_categories},
      {"time_frame", {{"from", time_json(r.time_frame.from)}, {"to", time_json(r.time_frame.to)}}},
      {"languages", r.languages},
      {"urgency", domain::to_string(r.urgency)},
      {"urgency_justification", r.urgency_justification},
      {"summary_of_facts", {{"lang", r.summary_of_facts.lang}, {"text", r.summary_of_facts.text}}},
      {"legal_qualification",
       {{"article", r.legal_qualification.article}, {"text", r.legal_qualification.text}}},
      {"confidentiality",
       {{"requested", r.confidentiality.requested}, {"reason", r.confidentiality.reason}}},
      {"requested_deadline", time_json(r.requested_deadline)},
      {"status", domain::to_string(r.status)},
      {"next_states", next},
      {"awaiting", domain::awaiting_countries(r)},
      {"status_history", history},
      {"deadlines", deadlines},
      {"extensions", extensions},
      {"owner_country", r.meta.owner_country},
      {"handling_code", r.meta.handling_code},
      {"version", r.meta.version},
      {"created_at", format_rfc3339(r.meta.created_at)},
      {"updated_at", format_rfc3339(r.meta.updated_at)}};
}

json desk_to_json(const service::Desk& desk) {
  const auto entries = [](const std::vector<service::DeskEntry>& list) {
    json out = json::array();
    for (const auto& e : list) {
      out.push_back(
          {{"request_id", e.request.meta.id},
           {"channel", domain::to_string(e.request.channel)},
           {"status", domain::to_string(e.request.status)},
           {"urgency", domain::to_string(e.request.urgency)},
           {"issuing_country", e.request.issuing_country},
           {"executing_country", e.request.executing_country},
           {"deadline_kind", e.deadline_kind},
           {"due_at", e.deadline_kind.empty() ? json(nullptr) : json(format_rfc3339(e.due_at))}});
    }
    return out;
  };
  return {{"due_soon", entries(desk.due_soon)},
          {"overdue", entries(desk.overdue)},
          {"emergencies", entries(desk.emergencies)}};
}

json statistics_to_json(const service::RequestStatistics& s) {
  json turnaround = json::array();
  for (const auto& t : s.turnaround) {
    turnaround.push_back({{"issuing_country", t.issuing_country},
                          {"executing_country", t.executing_country},
                          {"channel", t.channel},
                          {"completed", t.completed},
                          {"median_days", t.median_days},
                          {"p90_days", t.p90_days}});
  }
  return {{"by_status", s.by_status},
          {"turnaround", turnaround},
          {"deadlines_due", s.deadlines_due},
          {"deadlines_met_in_time", s.deadlines_met_in_time},
          {"share_met", s.deadlines_due == 0 ? json(nullptr)
                                             : json(static_cast<double>(s.deadlines_met_in_time) /
                                                    s.deadlines_due)}};
}

json notification_to_json(const domain::Notification& n) {
  return {{"id", n.id},
          {"request_id", n.request_id},
          {"kind", n.kind},
          {"deadline_kind", n.deadline_kind},
          {"level", n.level},
          {"role", n.role},
          {"due_at", format_rfc3339(n.due_at)},
          {"created_at", format_rfc3339(n.created_at)},
          {"recipients", n.recipients},
          // Why those users (null: not kept, for notifications older than the field).
          {"addressed_as", text_or_null(n.addressed_as)}};
}

json attachment_to_json(const domain::RequestAttachment& a) {
  return {{"id", a.id},
          {"request_id", a.request_id},
          {"filename", a.filename},
          {"media_type", a.media_type},
          {"size", a.size},
          {"sha256", a.sha256},
          {"uploaded_by", a.uploaded_by},
          {"uploaded_by_country", a.uploaded_by_country},
          {"uploaded_at", format_rfc3339(a.uploaded_at)}};
}

}  // namespace taawun::api::json
