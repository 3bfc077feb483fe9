#include "store/sqlite/request_document.h"

#include <nlohmann/json.hpp>

#include "common/time.h"

namespace taawun::store::sqlite {

namespace {

using nlohmann::json;

json time_json(const std::optional<Timestamp>& t) {
  return t ? json(format_rfc3339(*t)) : json(nullptr);
}

std::optional<Timestamp> time_of(const json& value) {
  if (!value.is_string()) return std::nullopt;
  auto parsed = parse_rfc3339(value.get<std::string>());
  if (!parsed.ok()) return std::nullopt;
  return parsed.value();
}

Timestamp time_or_epoch(const json& value) { return time_of(value).value_or(Timestamp{}); }

std::string text(const json& object, const char* key) {
  auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

}  // namespace

std::string encode_request_document(const domain::Request& r) {
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
  json extensions = json::array();
  for (const auto& e : r.extensions) {
    extensions.push_back({{"kind", e.kind},
                          {"at", format_rfc3339(e.at)},
                          {"actor", e.actor},
                          {"reason", e.reason},
                          {"side", e.side}});
  }
  json deadlines = json::array();
  for (const auto& d : r.deadlines) {
    deadlines.push_back({{"kind", d.kind},
                         {"due_at", format_rfc3339(d.due_at)},
                         {"status", d.status},
                         {"binding", d.binding},
                         {"extended", d.extended},
                         {"extendable", d.extendable},
                         {"extension_by", d.extension_by},
                         {"extension_amount", d.extension_amount},
                         {"extension_unit", d.extension_unit}});
  }
  json document = {
      {"legal_basis", r.legal_basis},
      {"issuing", r.issuing},
      {"issuing_authority_kind", r.issuing_authority_kind},
      {"validating_authority_kind", r.validating_authority_kind},
      {"executing", r.executing},
      {"provider", r.provider},
      {"measures", measures},
      {"person_ids", r.person_ids},
      {"identifiers", identifiers},
      {"data_categories", r.data_categories},
      {"time_frame", {{"from", time_json(r.time_frame.from)}, {"to", time_json(r.time_frame.to)}}},
      {"languages", r.languages},
      {"urgency_justification", r.urgency_justification},
      {"urgency_changed_at", time_json(r.urgency_changed_at)},
      {"summary_of_facts", {{"lang", r.summary_of_facts.lang}, {"text", r.summary_of_facts.text}}},
      {"legal_qualification",
       {{"article", r.legal_qualification.article}, {"text", r.legal_qualification.text}}},
      {"confidentiality",
       {{"requested", r.confidentiality.requested}, {"reason", r.confidentiality.reason}}},
      {"requested_deadline", time_json(r.requested_deadline)},
      {"status_history", history},
      {"extensions", extensions},
      {"deadlines", deadlines},
  };
  return document.dump(-1, ' ', false, json::error_handler_t::replace);
}

Status decode_request_document(const std::string& text_document, domain::Request& r) {
  const json d = json::parse(text_document, nullptr, false);
  if (!d.is_object()) return Error::internal("request " + r.meta.id + ": corrupt document");
  r.legal_basis = text(d, "legal_basis");
  r.issuing = text(d, "issuing");
  r.issuing_authority_kind = text(d, "issuing_authority_kind");
  r.validating_authority_kind = text(d, "validating_authority_kind");
  r.executing = text(d, "executing");
  r.provider = text(d, "provider");
  for (const auto& m : d.value("measures", json::array())) {
    r.measures.push_back({text(m, "type"), text(m, "description"), text(m, "link_to_facts")});
  }
  for (const auto& id : d.value("person_ids", json::array())) {
    if (id.is_string()) r.person_ids.push_back(id.get<std::string>());
  }
  for (const auto& i : d.value("identifiers", json::array())) {
    r.identifiers.push_back({text(i, "type"), text(i, "value")});
  }
  for (const auto& c : d.value("data_categories", json::array())) {
    if (c.is_string()) r.data_categories.push_back(c.get<std::string>());
  }
  const json frame = d.value("time_frame", json::object());
  r.time_frame.from = time_of(frame.value("from", json()));
  r.time_frame.to = time_of(frame.value("to", json()));
  for (const auto& l : d.value("languages", json::array())) {
    if (l.is_string()) r.languages.push_back(l.get<std::string>());
  }
  r.urgency_justification = text(d, "urgency_justification");
  r.urgency_changed_at = time_of(d.value("urgency_changed_at", json()));
  const json summary = d.value("summary_of_facts", json::object());
  r.summary_of_facts = {text(summary, "lang"), text(summary, "text")};
  const json qualification = d.value("legal_qualification", json::object());
  r.legal_qualification = {text(qualification, "article"), text(qualification, "text")};
  const json confidentiality = d.value("confidentiality", json::object());
  r.confidentiality = {confidentiality.value("requested", false), text(confidentiality, "reason")};
  r.requested_deadline = time_of(d.value("requested_deadline", json()));
  for (const auto& h : d.value("status_history", json::array())) {
    auto state = domain::parse_request_state(text(h, "state"));
    if (!state.ok()) return Error::internal("request " + r.meta.id + ": corrupt status history");
    r.status_history.push_back({*state, time_or_epoch(h.value("at", json())), text(h, "actor")});
  }
  for (const auto& e : d.value("extensions", json::array())) {
    r.extensions.push_back({text(e, "kind"), time_or_epoch(e.value("at", json())), text(e, "actor"),
                            text(e, "reason"), text(e, "side")});
  }
  for (const auto& x : d.value("deadlines", json::array())) {
    r.deadlines.push_back({text(x, "kind"), time_or_epoch(x.value("due_at", json())),
                           text(x, "status"), x.value("binding", true), x.value("extended", false),
                           x.value("extendable", false), x.value("extension_by", ""),
                           x.value("extension_amount", 0), text(x, "extension_unit")});
  }
  return {};
}

}  // namespace taawun::store::sqlite
