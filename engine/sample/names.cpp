#include "names.hpp"

#include <array>

namespace onregel::sample {

namespace {

using Words = std::span<const std::string_view>;

constexpr std::array<std::string_view, 64> street_words = {
    "Merel",    "Lijster",   "Vinken",   "Meeuwen",  "Zwaluw",    "Kievit",     "Reiger",   "Specht",
    "Wielewaal", "Roodborst", "Spreeuw",  "Kwartel",  "Eiken",     "Beuken",     "Linden",   "Essen",
    "Wilgen",   "Berken",    "Populier", "Iepen",    "Elzen",     "Kastanje",   "Tulp",     "Rozen",
    "Lelie",    "Iris",      "Klaproos", "Zonnebloem", "Narcis",  "Hyacint",    "Anjer",    "Krokus",
    "Smids",    "Bakkers",   "Kuipers",  "Molenaars", "Touwslagers", "Wevers",  "Schippers", "Tichelaars",
    "Lek",      "Amstel",    "Vecht",    "Linge",    "Dommel",    "Eem",        "Berkel",   "Regge",
    "Mercurius", "Venus",    "Orion",    "Pegasus",  "Andromeda", "Kerk",       "Markt",    "Molen",
    "Haven",    "Poort",     "Dijk",     "Sluis",    "Weide",     "Akker",      "Boomgaard", "Hoeve"};
constexpr std::array<std::string_view, 10> street_suffixes = {"straat", "laan", "weg", "hof", "plein",
                                                              "singel", "dreef", "kade", "pad", "gaarde"};
constexpr std::array<std::string_view, 16> bedrijf_words = {
    "Nijverheids", "Industrie", "Handels", "Ambachts", "Energie", "Transport", "Edison", "Newton",
    "Marconi",     "Einstein",  "Volta",   "Kepler",   "Pascal",  "Watt",      "Diesel", "Galvani"};
constexpr std::array<std::string_view, 4> bedrijf_suffixes = {"weg", "baan", "straat", "park"};
constexpr std::array<std::string_view, 7> qualifiers = {"Oude ", "Nieuwe ", "Korte ", "Lange ", "Kleine ", "Grote ", "Achter "};

constexpr std::array<std::string_view, 20> place_heads = {
    "Zand", "Berg", "Wester", "Ooster", "Hoog", "Laag", "Nieuw", "Oud", "Molen", "Kerk",
    "Brug", "Dijk", "Heide", "Veen", "Linde", "Eik", "Wil", "Beek", "Hout", "Riet"};
constexpr std::array<std::string_view, 16> place_tails = {"dam", "dijk", "veen", "horst", "hoven", "wijk",
                                                          "broek", "loo", "burg", "recht", "sloot", "woude",
                                                          "zijl", "kerk", "hem", "mond"};
constexpr std::array<std::string_view, 9> rivers = {"", " aan de Maas", " aan de Vecht", " aan de Linge",
                                                    " aan de Lek", " aan de Dommel", " aan de Regge",
                                                    " aan de Berkel", " aan de Eem"};

constexpr std::array<std::string_view, 36> name_words = {
    "Linde",   "Horizon", "Kade",    "Vonk",     "Noorderlicht", "Zilverberg", "De Brug",  "Het Anker",
    "Oostpoort", "Vlinder", "Eikenhof", "Westwind", "De Molen",   "Lekzicht",   "Kroon",    "Zonnewijzer",
    "Reiger",  "Meridiaan", "Polder", "Klaver",   "Sterk",        "Helder",     "Vast",     "Groen",
    "Prima",   "Snel",    "Smart",   "Kompas",   "Baken",        "Ster",       "Zuidwal",  "Toren",
    "Kasteel", "Poort",   "Duin",    "Rivier"};

struct Nouns {
    std::string_view sbi_prefix;
    std::array<std::string_view, 3> nouns;
};
// Longest matching prefix wins, so 4711 finds "Supermarkt" before 47 finds "Winkel".
constexpr std::array<Nouns, 50> branch_nouns = {{
    {"01", {"Kwekerij", "Tuinderij", "Hoeve"}},
    {"10", {"Bakkerij", "Slagerij", "Levensmiddelen"}},
    {"2", {"Metaalbewerking", "Productie", "Techniek"}},
    {"3", {"Meubelmakerij", "Machinereparatie", "Techniek"}},
    {"41", {"Bouw", "Aannemersbedrijf", "Bouwgroep"}},
    {"43", {"Klussenbedrijf", "Schildersbedrijf", "Installatietechniek"}},
    {"45", {"Autobedrijf", "Garage", "Autoservice"}},
    {"4511", {"Autohandel", "Auto's", "Occasions"}},
    {"45205", {"Carwash", "Wasstraat", "Autowas"}},
    {"4532", {"Auto-onderdelen", "Onderdelen", "Parts"}},
    {"46", {"Groothandel", "Trading", "Import"}},
    {"47", {"Winkel", "Boutique", "Shop"}},
    {"4711", {"Supermarkt", "Buurtsuper", "Versmarkt"}},
    {"4724", {"Bakker", "Banketbakkerij", "Broodhuis"}},
    {"4742", {"Telecom", "Phone Shop", "Belwinkel"}},
    {"4777", {"Juwelier", "Goud & Zilver", "Horloges"}},
    {"47793", {"Kringloop", "Tweedehands", "Vintage"}},
    {"4791", {"Webshop", "Online Store", "E-commerce"}},
    {"49", {"Transport", "Logistiek", "Koeriersdienst"}},
    {"55", {"Hotel", "Bed & Breakfast", "Logies"}},
    {"56", {"Eetcafé", "Restaurant", "Lunchroom"}},
    {"56102", {"Snackbar", "Grillroom", "Cafetaria"}},
    {"5630", {"Café", "Lounge", "Shisha Lounge"}},
    {"62", {"ICT", "Software", "Webdevelopment"}},
    {"64", {"Financiële Diensten", "Investments", "Capital"}},
    {"6420", {"Holding", "Beheer", "Participaties"}},
    {"66", {"Assurantiën", "Financieel Advies", "Hypotheken"}},
    {"68", {"Vastgoed", "Makelaardij", "Vastgoedbeheer"}},
    {"69", {"Administratiekantoor", "Juridisch Advies", "Belastingadvies"}},
    {"70", {"Advies", "Consultancy", "Management"}},
    {"70102", {"Holding", "Beheer", "Concerndiensten"}},
    {"71", {"Architectenbureau", "Ingenieursbureau", "Bouwadvies"}},
    {"73", {"Marketing", "Media", "Communicatie"}},
    {"74", {"Design", "Fotografie", "Studio"}},
    {"77", {"Autoverhuur", "Verhuur", "Rent"}},
    {"78", {"Uitzendbureau", "Personeelsdiensten", "Flex"}},
    {"79", {"Reisbureau", "Reizen", "Travel"}},
    {"81", {"Schoonmaak", "Hoveniersbedrijf", "Facilitair"}},
    {"85", {"Bijles", "Training", "Academy"}},
    {"86", {"Praktijk", "Fysiotherapie", "Zorg"}},
    {"88", {"Zorg", "Begeleiding", "Thuiszorg"}},
    {"8891", {"Kinderopvang", "Kinderdagverblijf", "Peuterspeelzaal"}},
    {"90", {"Studio", "Atelier", "Producties"}},
    {"93", {"Fitness", "Sportschool", "Sport"}},
    {"94", {"Vereniging", "Stichting", "Belangenvereniging"}},
    {"96", {"Dienstverlening", "Service", "Studio"}},
    {"96021", {"Kapsalon", "Hair", "Barbershop"}},
    {"96022", {"Beauty", "Nagelstudio", "Schoonheidssalon"}},
    {"9604", {"Sauna", "Wellness", "Massage"}},
    {"", {"Diensten", "Bedrijf", "Onderneming"}},
}};

struct Texts {
    std::string_view categorie;
    std::array<std::string_view, 3> texts;
};
constexpr std::array<Texts, 6> melding_texts = {{
    {"drugs", {"sterke wietlucht bij de achterdeur", "veel kort bezoek, vermoedelijk handel",
               "ramen altijd afgeplakt en warm"}},
    {"overlast", {"geluidsoverlast tot diep in de nacht", "afval en rommel rond het pand",
                  "hangjongeren en harde muziek"}},
    {"verdachte_situatie", {"de hele nacht af en aan rijdende busjes", "box wordt 's nachts gebruikt",
                            "pakketten worden steeds bij dit adres afgeleverd"}},
    {"illegale_bewoning", {"mensen lijken in de bedrijfsruimte te slapen", "veel matrassen naar binnen gedragen",
                           "wisselende bewoners, veel namen op de bel"}},
    {"mensenhandel", {"medewerkers lijken in de zaak te wonen", "zorgen over werkomstandigheden in de salon",
                      "mensen worden 's ochtends met een busje opgehaald"}},
    {"witwassen", {"zaak heeft nooit klanten maar blijft open", "dure auto's bij een leeg bedrijfspand",
                   "veel contant geld bij een kleine winkel"}},
}};

std::string_view pick(Random& rng, Words words) { return words[rng.below(words.size())]; }

}  // namespace

std::vector<std::string> street_names(Random& rng, bool bedrijf) {
    const Words words = bedrijf ? Words(bedrijf_words) : Words(street_words);
    const Words suffixes = bedrijf ? Words(bedrijf_suffixes) : Words(street_suffixes);
    std::vector<std::string> base;
    for (auto w : words)
        for (auto s : suffixes) base.push_back(std::string(w) + std::string(s));
    rng.shuffle(base);
    // Past the plain names come "Oude Merelstraat", "Korte Merelstraat", ... in the same order.
    std::vector<std::string> names = base;
    for (auto q : qualifiers)
        for (const auto& b : base) names.push_back(std::string(q) + b);
    return names;
}

std::string woonplaats_name(std::int64_t n) {
    const auto heads = static_cast<std::int64_t>(place_heads.size());
    const auto tails = static_cast<std::int64_t>(place_tails.size());
    const auto river = (n / (heads * tails)) % static_cast<std::int64_t>(rivers.size());
    return std::string(place_heads[static_cast<std::size_t>(n % heads)]) +
           std::string(place_tails[static_cast<std::size_t>((n / heads) % tails)]) +
           std::string(rivers[static_cast<std::size_t>(river)]);
}

std::string handelsnaam(Random& rng, std::string_view sbi, std::string_view rechtsvorm) {
    const Nouns* best = &branch_nouns.back();
    for (const auto& b : branch_nouns)
        if (sbi.substr(0, b.sbi_prefix.size()) == b.sbi_prefix && b.sbi_prefix.size() > best->sbi_prefix.size())
            best = &b;
    const std::string_view noun = best->nouns[rng.below(best->nouns.size())];
    const std::string_view word = pick(rng, name_words);
    std::string name = rechtsvorm == "Stichting" ? "Stichting " + std::string(word)
                       : rng.chance(0.5)       ? std::string(noun) + " " + std::string(word)
                                               : std::string(word) + " " + std::string(noun);
    if (rechtsvorm == "BV") name += " B.V.";
    if (rechtsvorm == "VOF") name += " V.O.F.";
    return name;
}

std::string omschrijving(Random& rng, std::string_view categorie, std::int64_t row) {
    std::string_view text = melding_texts[0].texts[0];
    for (const auto& t : melding_texts)
        if (t.categorie == categorie) text = t.texts[rng.below(t.texts.size())];
    return "Melder ziet " + std::string(text) + " (PRIVACY-CANARY-" + std::to_string(row) + ")";
}

std::string melder(Random& rng, std::int64_t row) {
    const std::string canary = "PRIVACY-CANARY-" + std::to_string(row);
    switch (rng.below(3)) {
        case 0: return "anoniem via formulier " + canary;
        case 1: return "buurtbewoner, tel. 06-00000000 " + canary;
        default: return "melder" + std::to_string(row) + "@voorbeeld.invalid " + canary;
    }
}

}  // namespace onregel::sample
