#include "input_options.hpp"

namespace onregel::cli {

void InputArguments::finish() {
    if (!bbox.empty()) read->bbox = parse_bbox(bbox);
}

void add_input_options(CLI::App& cmd, InputArguments& args) {
    auto& s = *args.sources;
    cmd.add_option("--bag", s.bag, "BAG: bag-light GeoPackage, LV BAG extract (zip of zips or directory), CSV with x/y, PG:...")->required();
    cmd.add_option("--kvk", s.kvk, "KvK vestigingen (Handelsregister): CSV or Vestigingsprofiel JSON")->required();
    cmd.add_option("--meldingen", s.meldingen, "Meldingen: CSV or GeoJSON (free text is read and dropped)");
    cmd.add_option("--vergunningen", s.vergunningen, "Omgevingsvergunning aanvragen (CSV)");
    cmd.add_option("--erkenningen", s.erkenningen,
                   "RDW erkende bedrijven: the Erkende bedrijven CSV of opendata.rdw.nl (5k74-3jha) with the Erkenningen CSV "
                   "(nmwb-dqkz) beside it, or the folder holding both; or one CSV with naam, soort and address");
    cmd.add_option("--buurten", s.buurten, "CBS wijk- en buurtkaart (GeoPackage, layer buurten)");
    cmd.add_option("--uitkomsten", s.uitkomsten, "Results of past controles: bag_id or address, datum, uitkomst");
    cmd.add_option("--gemeente", args.read->gemeente, "Only this gemeente (4-digit CBS code, e.g. 0221)");
    cmd.add_option("--bbox", args.bbox, "Only this area: minx,miny,maxx,maxy in RD New metres");
    cmd.add_option("--max-afgewezen", args.read->max_afgewezen,
                   "Percentage of the rows of --bag or --kvk that may be rejected (from 20 rows on, or all of a shorter file); above it the command stops with exit 1")
        ->capture_default_str();
    cmd.add_option("--input-srs", args.read->input_srs, "Coordinate system of sources that do not name one (e.g. EPSG:4326)");
}

}  // namespace onregel::cli
