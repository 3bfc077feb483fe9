#include "api/json/register_json.h"

#include "api/json/object_reader.h"
#include "common/time.h"

namespace taawun::api::json {

namespace {

void put_meta(nlohmann::json& out, const domain::RecordMeta& meta) {
  out["id"] = meta.id;
  out["owner_country"] = meta.owner_country;
  out["handling_code"] = meta.handling_code;
  out["version"] = meta.version;
  out["created_at"] = format_rfc3339(meta.created_at);
  out["updated_at"] = format_rfc3339(meta.updated_at);
}

nlohmann::json date_json(const std::optional<PartialDate>& date) {
  return date ? nlohmann::json(date->to_string()) : nlohmann::json(nullptr);
}

}  // namespace

Status read_person(const nlohmann::json& body, domain::Person& p) {
  ObjectReader reader(body);
  if (reader.has("names")) {
    std::vector<domain::PersonName> names;
    TAAWUN_TRY(reader.object_list("names", [&](ObjectReader& r, size_t) -> Status {
      domain::PersonName name;
      TAAWUN_TRY(r.text("full", name.full));
      TAAWUN_TRY(r.text("script", name.script));
      TAAWUN_TRY(r.text("kind", name.kind));
      TAAWUN_TRY(r.text("given", name.given));
      TAAWUN_TRY(r.text("family", name.family));
      TAAWUN_TRY(r.text("patronymic", name.patronymic));
      TAAWUN_TRY(r.text("tribal", name.tribal));
      TAAWUN_TRY(r.text("lang", name.lang));
      names.push_back(std::move(name));
      return {};
    }));
    p.names = std::move(names);
  }
  TAAWUN_TRY(reader.partial_date("birth_date", p.birth_date));
  TAAWUN_TRY(reader.text("birth_place", p.birth_place));
  TAAWUN_TRY(reader.text("sex", p.sex));
  TAAWUN_TRY(reader.text_list("nationalities", p.nationalities));
  if (reader.has("documents")) {
    std::vector<domain::IdentityDocument> documents;
    TAAWUN_TRY(reader.object_list("documents", [&](ObjectReader& r, size_t) -> Status {
      domain::IdentityDocument d;
      TAAWUN_TRY(r.text("type", d.type));
      TAAWUN_TRY(r.text("number", d.number));
      TAAWUN_TRY(r.text("issuing_country", d.issuing_country));
      documents.push_back(std::move(d));
      return {};
    }));
    p.documents = std::move(documents);
  }
  if (reader.has("identifiers")) {
    std::vector<domain::Identifier> identifiers;
    TAAWUN_TRY(reader.object_list("identifiers", [&](ObjectReader& r, size_t) -> Status {
      domain::Identifier d;
      TAAWUN_TRY(r.text("type", d.type));
      TAAWUN_TRY(r.text("value", d.value));
      identifiers.push_back(std::move(d));
      return {};
    }));
    p.identifiers = std::move(identifiers);
  }
  return reader.finish();
}

nlohmann::json person_to_json(const domain::Person& p) {
  nlohmann::json names = nlohmann::json::array();
  for (const auto& n : p.names) {
    names.push_back({{"full", n.full},
                     {"script", n.script},
                     {"kind", n.kind},
                     {"given", n.given},
                     {"family", n.family},
                     {"patronymic", n.patronymic},
                     {"tribal", n.tribal},
                     {"lang", n.lang}});
  }
  nlohmann::json documents = nlohmann::json::array();
  for (const auto& d : p.documents) {
    documents.push_back(
        {{"type", d.type}, {"number", d.number}, {"issuing_country", d.issuing_country}});
  }
  nlohmann::json identifiers = nlohmann::json::array();
  for (const auto& d : p.identifiers) identifiers.push_back({{"type", d.type}, {"value", d.value}});
  nlohmann::json out = {{"names", names},
                        {"birth_date", date_json(p.birth_date)},
                        {"birth_place", p.birth_place},
                        {"sex", p.sex},
                        {"nationalities", p.nationalities},
                        {"documents", documents},
                        {"identifiers", identifiers},
                        {"owner_authority", p.meta.owner_authority}};
  put_meta(out, p.meta);
  return out;
}

Status read_proceeding(const nlohmann::json& body, domain::Proceeding& p) {
  ObjectReader reader(body);
  TAAWUN_TRY(reader.text("national_reference", p.national_reference));
  TAAWUN_TRY(reader.text("stage", p.stage));
  TAAWUN_TRY(reader.partial_date("date_referred", p.date_referred));
  TAAWUN_TRY(reader.object("legal_qualification", [&](ObjectReader& r) -> Status {
    TAAWUN_TRY(r.text("article", p.legal_qualification.article));
    return r.text("text", p.legal_qualification.text);
  }));
  TAAWUN_TRY(reader.text_list("offence_classes", p.offence_classes));
  TAAWUN_TRY(reader.text("terrorism_type", p.terrorism_type));
  TAAWUN_TRY(reader.text_list("group_affiliations", p.group_affiliations));
  TAAWUN_TRY(reader.text_list("crime_nexus", p.crime_nexus));
  TAAWUN_TRY(reader.object("summary", [&](ObjectReader& r) -> Status {
    TAAWUN_TRY(r.text("lang", p.summary.lang));
    return r.text("text", p.summary.text);
  }));
  TAAWUN_TRY(reader.text("sharing_derogation", p.sharing_derogation));
  return reader.finish();
}

nlohmann::json proceeding_to_json(const domain::Proceeding& p) {
  nlohmann::json out = {
      {"national_reference", p.national_reference},
      {"authority", p.meta.owner_authority},
      {"stage", p.stage},
      {"date_referred", date_json(p.date_referred)},
      {"legal_qualification",
       {{"article", p.legal_qualification.article}, {"text", p.legal_qualification.text}}},
      {"offence_classes", p.offence_classes},
      {"terrorism_type", p.terrorism_type},
      {"group_affiliations", p.group_affiliations},
      {"crime_nexus", p.crime_nexus},
      {"summary", {{"lang", p.summary.lang}, {"text", p.summary.text}}},
      {"sharing_derogation", p.sharing_derogation},
  };
  put_meta(out, p.meta);
  return out;
}

nlohmann::json involvement_to_json(const domain::Involvement& inv) {
  return {{"id", inv.meta.id},
          {"proceeding_id", inv.proceeding_id},
          {"person_id", inv.person_id},
          {"role", inv.role},
          {"owner_country", inv.meta.owner_country},
          {"created_at", format_rfc3339(inv.meta.created_at)}};
}

}  // namespace taawun::api::json
