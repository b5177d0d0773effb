#include "informatiebeeld.hpp"

#include <algorithm>
#include <set>

namespace onregel {

namespace {

constexpr Date days_back(int years) { return static_cast<Date>((years * 1461 + 3) / 4); }  // ceil(years × 365.25)

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_word(std::string_view text, std::string_view word) {
    if (text.size() < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
        if (ascii_lower(text[i]) != word[i]) return false;
    return true;
}

std::optional<double> ratio(double numerator, double denominator, double factor = 1) {
    if (denominator <= 0) return std::nullopt;
    return numerator / denominator * factor;
}

int sum(const std::vector<int>& series) {
    int total = 0;
    for (int n : series) total += n;
    return total;
}

// SBI 2008 divisions, short Dutch names (CBS).
constexpr std::pair<std::string_view, std::string_view> afdelingen[] = {
    {"01", "Landbouw, jacht en dienstverlening voor de landbouw"},
    {"02", "Bosbouw"},
    {"03", "Visserij en kweken van vis en schaaldieren"},
    {"06", "Winning van aardolie en aardgas"},
    {"07", "Winning van metaalertsen"},
    {"08", "Overige winning van delfstoffen"},
    {"09", "Dienstverlening voor de delfstoffenwinning"},
    {"10", "Vervaardiging van voedingsmiddelen"},
    {"11", "Vervaardiging van dranken"},
    {"12", "Vervaardiging van tabaksproducten"},
    {"13", "Vervaardiging van textiel"},
    {"14", "Vervaardiging van kleding"},
    {"15", "Vervaardiging van leer, lederwaren en schoenen"},
    {"16", "Houtindustrie (geen meubels)"},
    {"17", "Vervaardiging van papier en karton"},
    {"18", "Drukkerijen en reproductie van opgenomen media"},
    {"19", "Aardolieverwerking"},
    {"20", "Vervaardiging van chemische producten"},
    {"21", "Vervaardiging van farmaceutische producten"},
    {"22", "Vervaardiging van producten van rubber en kunststof"},
    {"23", "Vervaardiging van bouwmaterialen, glas en keramiek"},
    {"24", "Vervaardiging van metalen in primaire vorm"},
    {"25", "Vervaardiging van producten van metaal"},
    {"26", "Vervaardiging van computers en elektronica"},
    {"27", "Vervaardiging van elektrische apparatuur"},
    {"28", "Vervaardiging van machines"},
    {"29", "Vervaardiging van auto's en aanhangwagens"},
    {"30", "Vervaardiging van overige transportmiddelen"},
    {"31", "Vervaardiging van meubels"},
    {"32", "Vervaardiging van overige goederen"},
    {"33", "Reparatie en installatie van machines"},
    {"35", "Energievoorziening"},
    {"36", "Winning en distributie van water"},
    {"37", "Afvalwaterinzameling en -behandeling"},
    {"38", "Afvalinzameling en -behandeling, recycling"},
    {"39", "Sanering en overig afvalbeheer"},
    {"41", "Burgerlijke en utiliteitsbouw, projectontwikkeling"},
    {"42", "Grond-, water- en wegenbouw"},
    {"43", "Gespecialiseerde werkzaamheden in de bouw"},
    {"45", "Handel in en reparatie van auto's"},
    {"46", "Groothandel en handelsbemiddeling"},
    {"47", "Detailhandel (niet in auto's)"},
    {"49", "Vervoer over land"},
    {"50", "Vervoer over water"},
    {"51", "Vervoer door de lucht"},
    {"52", "Opslag en dienstverlening voor vervoer"},
    {"53", "Post en koeriers"},
    {"55", "Logiesverstrekking"},
    {"56", "Eet- en drinkgelegenheden"},
    {"58", "Uitgeverijen"},
    {"59", "Film, televisie en geluidsopnamen"},
    {"60", "Radio- en televisieomroepen"},
    {"61", "Telecommunicatie"},
    {"62", "Dienstverlening op het gebied van informatietechnologie"},
    {"63", "Dienstverlening op het gebied van informatie"},
    {"64", "Financiële instellingen en financiële holdings"},
    {"65", "Verzekeringen en pensioenfondsen"},
    {"66", "Overige financiële dienstverlening"},
    {"68", "Verhuur van en handel in onroerend goed"},
    {"69", "Rechtskundige dienstverlening, accountancy en administratie"},
    {"70", "Holdings, concerndiensten en managementadvies"},
    {"71", "Architecten, ingenieurs, keuring en controle"},
    {"72", "Speur- en ontwikkelingswerk"},
    {"73", "Reclame en marktonderzoek"},
    {"74", "Ontwerp, fotografie, vertaling en overige consultancy"},
    {"75", "Veterinaire dienstverlening"},
    {"77", "Verhuur en lease van auto's en andere roerende goederen"},
    {"78", "Arbeidsbemiddeling, uitzendbureaus en personeelsbeheer"},
    {"79", "Reisbemiddeling en reisorganisatie"},
    {"80", "Beveiliging en opsporing"},
    {"81", "Facility management, reiniging en landschapsverzorging"},
    {"82", "Overige zakelijke dienstverlening"},
    {"84", "Openbaar bestuur en overheidsdiensten"},
    {"85", "Onderwijs"},
    {"86", "Gezondheidszorg"},
    {"87", "Verpleging en verzorging met overnachting"},
    {"88", "Maatschappelijke dienstverlening zonder overnachting"},
    {"90", "Kunst"},
    {"91", "Bibliotheken, archieven, musea en natuurbehoud"},
    {"92", "Loterijen en kansspelen"},
    {"93", "Sport en recreatie"},
    {"94", "Levensbeschouwelijke, politieke en belangenorganisaties, hobbyclubs"},
    {"95", "Reparatie van computers en consumentenartikelen"},
    {"96", "Wellness, kappers, uitvaart en overige persoonlijke diensten"},
    {"97", "Huishoudens als werkgever"},
    {"98", "Productie door huishoudens voor eigen gebruik"},
    {"99", "Extraterritoriale organisaties"},
};

}  // namespace

std::optional<int> jaar_terug(Date peildatum, Date d) {
    if (d > peildatum) return std::nullopt;
    const auto k = static_cast<std::int64_t>(peildatum - d) * 4 / 1461;
    if (k >= informatiebeeld_jaren) return std::nullopt;
    return static_cast<int>(k);
}

std::string_view sbi_afdeling(std::string_view sbi) {
    if (sbi.size() < 2) return "";
    for (const auto& [code, naam] : afdelingen)
        if (sbi.substr(0, 2) == code) return naam;
    return "";
}

bool is_stichting(std::string_view rechtsvorm) { return starts_with_word(rechtsvorm, "stichting"); }
bool is_eenmanszaak(std::string_view rechtsvorm) { return starts_with_word(rechtsvorm, "eenmanszaak"); }

bool is_autobranche(const Policy& policy, const Vestiging& vestiging) {
    const auto* branche = policy.risicobranche(vestiging);
    return branche && branche->naam == "autobranche";
}

bool is_holding(const Policy& policy, const Vestiging& vestiging) {
    return sbi_match_length(vestiging, policy.holding_sbi) > 0;
}

Gemeentebeeld::Gemeentebeeld(const Town& town, const Policy& policy, const std::vector<Beoordeling>& ranked)
    : town_(town), policy_(policy), ranked_(ranked), per_vbo_(town.verblijfsobjecten.size(), -1) {
    for (std::size_t r = 0; r < ranked.size(); ++r) per_vbo_[ranked[r].vbo] = static_cast<std::int32_t>(r);
    std::vector<std::uint32_t> vbos(town.verblijfsobjecten.size()), meldingen(town.meldingen.size());
    for (std::uint32_t i = 0; i < vbos.size(); ++i) vbos[i] = i;
    for (std::uint32_t i = 0; i < meldingen.size(); ++i) meldingen[i] = i;
    for (const auto& m : town.meldingen) meldingen_vanaf_ = meldingen_vanaf_ ? std::min(*meldingen_vanaf_, m.datum) : m.datum;
    for (const auto& jaar : jaren()) reeks_jaren_ += meldingen_vanaf_ && jaar.first >= *meldingen_vanaf_;
    gemeente_ = cijfers(vbos, meldingen);
}

const Beoordeling* Gemeentebeeld::beoordeling(std::uint32_t vbo) const {
    const auto r = per_vbo_[vbo];
    return r < 0 ? nullptr : &ranked_[static_cast<std::size_t>(r)];
}

std::vector<std::pair<Date, Date>> Gemeentebeeld::jaren() const {
    std::vector<std::pair<Date, Date>> out;
    for (int k = informatiebeeld_jaren - 1; k >= 0; --k)
        out.emplace_back(town_.peildatum - days_back(k + 1) + 1, town_.peildatum - days_back(k));
    return out;
}

Gebiedscijfers Gemeentebeeld::cijfers(std::span<const std::uint32_t> vbos, std::span<const std::uint32_t> meldingen) const {
    const Date peildatum = town_.peildatum;
    Gebiedscijfers c;
    c.oprichtingen.assign(informatiebeeld_jaren, 0);
    c.opheffingen.assign(informatiebeeld_jaren, 0);
    c.meldingen.assign(static_cast<std::size_t>(reeks_jaren_), 0);
    const auto count_in_year = [&](std::vector<int>& series, std::optional<Date> d) {
        if (!d) return;
        if (const auto k = jaar_terug(peildatum, *d)) ++series[static_cast<std::size_t>(informatiebeeld_jaren - 1 - *k)];
    };
    std::set<std::int32_t> panden;
    for (const auto i : vbos) {
        const auto& vbo = town_.verblijfsobjecten[i];
        ++c.objecten;
        if (vbo.pand < 0) ++c.panden;
        else panden.insert(vbo.pand);
        if (vbo.bouwjaar > 0) {
            ++c.met_bouwjaar;
            c.bouwjaar_som += vbo.bouwjaar;
        }
        if (vbo.gebruiksdoelen == overige_gebruiksfunctie && vbo.oppervlakte <= 30) ++c.boxen;
        int actief = 0;
        for (const auto v : town_.vestigingen_per_vbo.of(i)) {
            const auto& vestiging = town_.vestigingen[v];
            count_in_year(c.oprichtingen, vestiging.aanvang);
            count_in_year(c.opheffingen, vestiging.einde);
            if (!vestiging.actief_op(peildatum)) continue;
            ++actief;
            ++c.vestigingen;
            ++(vestiging.hoofdvestiging ? c.hoofdvestigingen : c.nevenvestigingen);
            if (const auto* branche = policy_.risicobranche(vestiging)) {
                ++c.risicobranche;
                ++c.per_risicobranche[branche->naam];
            }
            c.autobranche += is_autobranche(policy_, vestiging);
            c.stichtingen += is_stichting(vestiging.rechtsvorm);
            c.eenmanszaken += is_eenmanszaak(vestiging.rechtsvorm);
            c.holdings += is_holding(policy_, vestiging);
        }
        const bool woon = (vbo.gebruiksdoelen & woonfunctie) != 0;
        c.niet_woon += !woon;
        if (actief == 0) {
            ++c.objecten_zonder_vestiging;
            c.niet_woon_zonder_vestiging += !woon;
        }
        if (const auto* b = beoordeling(i)) {
            ++c.objecten_met_signaal;
            for (const auto& bijdrage : b->bijdragen)
                if (bijdrage.signaal != integrale_bonus_id) ++c.signalen[bijdrage.signaal];
        }
    }
    c.panden += static_cast<int>(panden.size());
    for (const auto m : meldingen) {
        const auto& melding = town_.meldingen[m];
        const auto k = jaar_terug(peildatum, melding.datum);
        if (!k) continue;
        if (*k < reeks_jaren_) ++c.meldingen[static_cast<std::size_t>(reeks_jaren_ - 1 - *k)];
        ++c.meldingen_per_categorie[melding.categorie.str()];
    }
    if (c.meldingen.size() >= mann_kendall_min_length) {
        const std::vector<double> series(c.meldingen.begin(), c.meldingen.end());
        c.meldingen_trend = mann_kendall(series);
    }
    return c;
}

std::optional<int> meldingen_in_jaar(const Gebiedscijfers& cijfers, std::size_t k) {
    constexpr auto jaren = static_cast<std::size_t>(informatiebeeld_jaren);
    const auto eerste = jaren - cijfers.meldingen.size();
    if (k < eerste || k >= jaren) return std::nullopt;
    return cijfers.meldingen[k - eerste];
}

std::vector<Kengetal> kengetallen(const Gebiedscijfers& gebied, const Gebiedscijfers& gemeente) {
    struct Rule {
        const char *id, *naam, *definitie, *eenheid;
        std::optional<double> (*value)(const Gebiedscijfers&);
    };
    static const Rule rules[] = {
        {"objecten", "Verblijfsobjecten", "Verblijfsobjecten (BAG) waarvan het punt in het gebied ligt.", "aantal",
         [](const Gebiedscijfers& c) -> std::optional<double> { return c.objecten; }},
        {"panden", "Panden", "Verschillende panden waarin die verblijfsobjecten liggen.", "aantal",
         [](const Gebiedscijfers& c) -> std::optional<double> { return c.panden; }},
        {"vestigingen", "Actieve vestigingen", "KvK-vestigingen op die verblijfsobjecten, actief op de peildatum.", "aantal",
         [](const Gebiedscijfers& c) -> std::optional<double> { return c.vestigingen; }},
        {"vestigingen_per_object", "Vestigingen per object", "Actieve vestigingen gedeeld door het aantal verblijfsobjecten.",
         "per object", [](const Gebiedscijfers& c) { return ratio(c.vestigingen, c.objecten); }},
        {"objecten_zonder_vestiging", "Objecten zonder vestiging",
         "Verblijfsobjecten zonder enige actieve vestiging op de peildatum.", "aantal",
         [](const Gebiedscijfers& c) -> std::optional<double> { return c.objecten_zonder_vestiging; }},
        {"leegstand", "Leegstand (indicatie)",
         "Aandeel van de verblijfsobjecten zonder woonfunctie dat geen actieve vestiging heeft: op een "
         "bedrijventerrein een aanwijzing voor leegstand of voor gebruik dat niet in het Handelsregister staat.",
         "aandeel", [](const Gebiedscijfers& c) { return ratio(c.niet_woon_zonder_vestiging, c.niet_woon); }},
        {"boxen", "Garage- en opslagboxen",
         "Verblijfsobjecten met alleen overige gebruiksfunctie en hoogstens 30 m².", "aantal",
         [](const Gebiedscijfers& c) -> std::optional<double> { return c.boxen; }},
        {"bouwjaar", "Gemiddeld bouwjaar", "Gemiddeld bouwjaar van de verblijfsobjecten met een bouwjaar.", "jaar",
         [](const Gebiedscijfers& c) { return ratio(c.bouwjaar_som, c.met_bouwjaar); }},
        {"risicobranche", "Risicobranches",
         "Aandeel van de actieve vestigingen met een hoofdactiviteit in een risicobranche uit de configuratie "
         "([risicobranches]).",
         "aandeel", [](const Gebiedscijfers& c) { return ratio(c.risicobranche, c.vestigingen); }},
        {"autobranche", "Autobranche",
         "Aandeel van de actieve vestigingen in de risicobranche autobranche (standaard SBI 2008 45 en 7711, SBI 2025 467, 478, 953 en 7711).", "aandeel",
         [](const Gebiedscijfers& c) { return ratio(c.autobranche, c.vestigingen); }},
        {"eenmanszaken", "Eenmanszaken", "Aandeel van de actieve vestigingen met rechtsvorm eenmanszaak.", "aandeel",
         [](const Gebiedscijfers& c) { return ratio(c.eenmanszaken, c.vestigingen); }},
        {"stichtingen", "Stichtingen", "Aandeel van de actieve vestigingen met rechtsvorm stichting.", "aandeel",
         [](const Gebiedscijfers& c) { return ratio(c.stichtingen, c.vestigingen); }},
        {"holdings", "Holdings",
         "Aandeel van de actieve vestigingen met een holding als hoofdactiviteit ([holdings], standaard SBI 2008 6420 en 70102, SBI 2025 642 en 70102).",
         "aandeel", [](const Gebiedscijfers& c) { return ratio(c.holdings, c.vestigingen); }},
        {"nevenvestigingen", "Nevenvestigingen",
         "Aandeel van de actieve vestigingen dat geen hoofdvestiging is: extra vestigingen van een onderneming "
         "die elders is gevestigd.",
         "aandeel", [](const Gebiedscijfers& c) { return ratio(c.nevenvestigingen, c.vestigingen); }},
        {"verloop", "Verloop van vestigingen",
         "Oprichtingen plus opheffingen van vestigingen in de laatste vijf jaar voor de peildatum, per jaar, per 100 "
         "actieve vestigingen.",
         "per jaar per 100 vestigingen",
         [](const Gebiedscijfers& c) {
             return ratio(sum(c.oprichtingen) + sum(c.opheffingen), double(c.vestigingen) * informatiebeeld_jaren, 100);
         }},
        {"meldingen", "Meldingen",
         "Meldingen (op een object in het gebied, of zonder object met een locatie in het gebied) per jaar, per 100 "
         "verblijfsobjecten, over de laatste vijf jaar voor de peildatum. Alleen de jaren die op of na de datum "
         "van de eerste melding in de invoer beginnen, tellen mee: eerdere jaren vallen (deels) vóór de gegevens.",
         "per jaar per 100 objecten",
         [](const Gebiedscijfers& c) {
             return ratio(sum(c.meldingen), double(c.objecten) * static_cast<double>(c.meldingen.size()), 100);
         }},
        {"signalen", "Objecten met een signaal",
         "Aandeel van de verblijfsobjecten waarop minstens één signaal van onregel afgaat.", "aandeel",
         [](const Gebiedscijfers& c) { return ratio(c.objecten_met_signaal, c.objecten); }},
    };
    static_assert(informatiebeeld_jaren == 5, "the definitions above say five years");
    std::vector<Kengetal> out;
    for (const auto& r : rules) out.push_back({r.id, r.naam, r.definitie, r.eenheid, r.value(gebied), r.value(gemeente)});
    return out;
}

std::string_view trend_woord(const std::optional<MannKendall>& trend) {
    if (!trend) return "te weinig jaren";
    if (trend->p >= 0.05 || trend->s == 0) return "geen";
    return trend->s > 0 ? "stijgend" : "dalend";
}

}  // namespace onregel
