#include "api/request_document.h"

#include <array>
#include <map>

#include "common/time.h"

namespace taawun::api {

namespace {

// One row per label: fr, ar, es, nl, en.
using Labels = std::array<const char*, 5>;
const std::map<std::string, Labels>& labels() {
  static const std::map<std::string, Labels> table = {
      {"title",
       {"Demande d'entraide judiciaire", "طلب تعاون قضائي", "Solicitud de cooperación judicial",
        "Verzoek om justitiële samenwerking", "Request for judicial cooperation"}},
      {"reference", {"Référence", "المرجع", "Referencia", "Referentie", "Reference"}},
      {"channel", {"Instrument", "الآلية", "Instrumento", "Instrument", "Channel"}},
      {"status", {"État", "الحالة", "Estado", "Status", "Status"}},
      {"legal_basis",
       {"Base juridique", "الأساس القانوني", "Base jurídica", "Rechtsgrondslag", "Legal basis"}},
      {"issuing",
       {"Autorité d'émission", "السلطة المصدرة", "Autoridad emisora", "Uitvaardigende autoriteit",
        "Issuing authority"}},
      {"executing",
       {"Autorité d'exécution", "السلطة المنفذة", "Autoridad de ejecución",
        "Uitvoerende autoriteit", "Executing authority"}},
      {"provider",
       {"Fournisseur de services", "مزود الخدمة", "Proveedor de servicios", "Dienstverlener",
        "Service provider"}},
      {"urgency", {"Urgence", "الاستعجال", "Urgencia", "Spoedeisendheid", "Urgency"}},
      {"justification",
       {"Motif de l'urgence", "مبررات الاستعجال", "Motivo de la urgencia", "Reden van spoed",
        "Reason for urgency"}},
      {"facts",
       {"Exposé des faits", "ملخص الوقائع", "Exposición de los hechos",
        "Samenvatting van de feiten", "Summary of facts"}},
      {"qualification",
       {"Qualification juridique", "التكييف القانوني", "Calificación jurídica",
        "Juridische kwalificatie", "Legal qualification"}},
      {"measures",
       {"Mesures demandées", "الإجراءات المطلوبة", "Medidas solicitadas", "Gevraagde maatregelen",
        "Measures requested"}},
      {"link_to_facts",
       {"Lien avec les faits", "الصلة بالوقائع", "Relación con los hechos", "Verband met de feiten",
        "Link to the facts"}},
      {"persons",
       {"Personnes concernées", "الأشخاص المعنيون", "Personas afectadas", "Betrokken personen",
        "Persons concerned"}},
      {"identifiers",
       {"Identifiants concernés", "المعرفات المعنية", "Identificadores afectados",
        "Betrokken identificatoren", "Identifiers concerned"}},
      {"data_categories",
       {"Catégories de données", "فئات البيانات", "Categorías de datos", "Gegevenscategorieën",
        "Data categories"}},
      {"time_frame", {"Période visée", "الفترة المعنية", "Período", "Periode", "Time frame"}},
      {"confidentiality",
       {"Confidentialité", "السرية", "Confidencialidad", "Vertrouwelijkheid", "Confidentiality"}},
      {"deadlines", {"Délais", "الآجال", "Plazos", "Termijnen", "Deadlines"}},
      {"history", {"Historique", "السجل", "Historial", "Geschiedenis", "History"}},
      {"yes", {"oui", "نعم", "sí", "ja", "yes"}},
      {"no", {"non", "لا", "no", "nee", "no"}},
      {"none", {"—", "—", "—", "—", "—"}},
  };
  return table;
}

constexpr std::array<std::string_view, 5> kLanguages{"fr", "ar", "es", "nl", "en"};

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string default_language(std::string_view country) {
  if (country == "MA") return "ar";
  if (country == "ES") return "es";
  return "fr";  // France, Belgium (the federal prosecutor also works in Dutch: ?lang=nl)
}

}  // namespace

Result<std::string> render_request_document(
    const domain::Request& r, std::string_view lang,
    const std::vector<store::Authority>& authorities,
    std::span<const domain::RequestAttachment> /*attachments*/) {
  const std::string language =
      lang.empty() ? default_language(r.issuing_country) : std::string(lang);
  size_t index = kLanguages.size();
  for (size_t i = 0; i < kLanguages.size(); ++i) {
    if (kLanguages[i] == language) index = i;
  }
  if (index == kLanguages.size()) {
    return Error::invalid("validation.invalid_value", "lang must be one of fr, ar, es, nl, en.",
                          "lang");
  }
  const auto label = [&](const char* key) { return std::string(labels().at(key)[index]); };
  const auto authority_name = [&](const std::string& id) {
    for (const auto& a : authorities) {
      if (a.id == id) return a.name + " (" + a.country + ")";
    }
    return id;
  };
  const auto row = [&](const char* key, const std::string& value) {
    return "<tr><th>" + escape(label(key)) + "</th><td dir=\"auto\">" +
           (value.empty() ? label("none") : escape(value)) + "</td></tr>\n";
  };
  const auto join = [](const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
    return out;
  };

  std::string html =
      "<!doctype html>\n<html lang=\"" + language + "\" dir=\"" +
      (language == "ar" ? "rtl" : "ltr") + "\">\n<head><meta charset=\"utf-8\"><title>" +
      escape(label("title")) + " " + escape(r.meta.id) + "</title>\n<style>\n" +
      "body{font-family:'Noto Sans','Noto Naskh Arabic',sans-serif;margin:2rem;color:#111}"
      "h1{font-size:1.4rem;border-block-end:2px solid #222;padding-block-end:.5rem}"
      "h2{font-size:1.1rem;margin-block-start:1.5rem}"
      "table{border-collapse:collapse;width:100%}"
      "th,td{border:1px solid #999;padding:.35rem .5rem;text-align:start;vertical-align:top}"
      "th{background:#f0f0f0;width:30%}"
      "@media print{body{margin:0}h2{break-after:avoid}tr{break-inside:avoid}}\n"
      "</style></head>\n<body>\n<h1>" +
      escape(label("title")) + "</h1>\n<table>\n";
  html += row("reference", r.meta.id);
  html += row("channel", std::string(domain::to_string(r.channel)));
  html += row("status", std::string(domain::to_string(r.status)));
  html += row("legal_basis", r.legal_basis);
  html += row("issuing", authority_name(r.issuing));
  html += row("executing", r.executing.empty() ? r.executing_country : authority_name(r.executing));
  if (!r.provider.empty()) html += row("provider", r.provider);
  html += row("urgency", std::string(domain::to_string(r.urgency)));
  if (!r.urgency_justification.empty()) html += row("justification", r.urgency_justification);
  html += row("qualification",
              r.legal_qualification.article +
                  (r.legal_qualification.text.empty() ? "" : " — " + r.legal_qualification.text));
  html += row("persons", join(r.person_ids));
  std::vector<std::string> identifiers;
  for (const auto& i : r.identifiers) identifiers.push_back(i.type + ": " + i.value);
  html += row("identifiers", join(identifiers));
  html += row("data_categories", join(r.data_categories));
  html += row("time_frame", (r.time_frame.from ? format_rfc3339(*r.time_frame.from) : "") + " → " +
                                (r.time_frame.to ? format_rfc3339(*r.time_frame.to) : ""));
  html += row("confidentiality",
              label(r.confidentiality.requested ? "yes" : "no") +
                  (r.confidentiality.reason.empty() ? "" : " — " + r.confidentiality.reason));
  html += "</table>\n<h2>" + escape(label("facts")) + "</h2>\n<p dir=\"auto\" lang=\"" +
          escape(r.summary_of_facts.lang) + "\">" + escape(r.summary_of_facts.text) + "</p>\n";
  html += "<h2>" + escape(label("measures")) + "</h2>\n<table>\n";
  for (const auto& m : r.measures) {
    html += "<tr><th>" + escape(m.type) + "</th><td dir=\"auto\">" + escape(m.description) +
            "<br><em>" + escape(label("link_to_facts")) + ":</em> " + escape(m.link_to_facts) +
            "</td></tr>\n";
  }
  html += "</table>\n<h2>" + escape(label("deadlines")) + "</h2>\n<table>\n";
  for (const auto& d : r.deadlines) {
    html += "<tr><th>" + escape(d.kind) + "</th><td>" + escape(format_rfc3339(d.due_at)) + " (" +
            escape(d.status) + ")</td></tr>\n";
  }
  html += "</table>\n<h2>" + escape(label("history")) + "</h2>\n<table>\n";
  for (const auto& h : r.status_history) {
    html += "<tr><th>" + escape(std::string(domain::to_string(h.state))) + "</th><td>" +
            escape(format_rfc3339(h.at)) + "</td></tr>\n";
  }
  html += "</table>\n</body>\n</html>\n";
  return html;
}

}  // namespace taawun::api
