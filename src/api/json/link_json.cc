#include "api/json/link_json.h"

#include "common/time.h"

namespace taawun::api::json {

nlohmann::json link_to_json(const service::LinkView& view) {
  const auto& link = view.link;
  nlohmann::json counterpart = {{"country", view.counterpart.country},
                                {"authority", view.counterpart.authority},
                                {"consented", view.counterpart.consented},
                                {"person", nullptr}};
  nlohmann::json out = {{"id", link.id},
                        {"status", link.status},
                        {"decision", nullptr},
                        {"person_id", view.own.person_id},
                        {"own_consent", view.own.consented},
                        {"counterpart", counterpart},
                        {"probability", nullptr},
                        {"explanation", nullptr},
                        {"version", link.version},
                        {"created_at", format_rfc3339(link.created_at)},
                        {"updated_at", format_rfc3339(link.updated_at)}};
  if (view.counterpart_person) {
    const auto& p = *view.counterpart_person;
    nlohmann::json names = nlohmann::json::array();
    for (const auto& n : p.names) {
      names.push_back({{"full", n.full}, {"script", n.script}, {"kind", n.kind}});
    }
    out["counterpart"]["person"] = {
        {"id", p.meta.id},
        {"names", names},
        {"birth_date", p.birth_date ? nlohmann::json(p.birth_date->to_string()) : nullptr},
        {"sex", p.sex},
        {"nationalities", p.nationalities}};
    // The score, its band and its reasons quote the counterpart's record: disclosed with it.
    out["probability"] = link.probability;
    out["decision"] = link.decision;
    out["explanation"] = explanation_to_json(link.explanation);
  }
  return out;
}

nlohmann::json explanation_to_json(const std::vector<domain::LinkFeature>& features) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& f : features) {
    out.push_back({{"feature", f.feature},
                   {"outcome", f.outcome},
                   {"weight", f.weight},
                   {"detail", f.detail}});
  }
  return out;
}

}  // namespace taawun::api::json
