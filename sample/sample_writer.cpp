#include "sample/sample_writer.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <stdexcept>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "engine/errors.hpp"
#include "engine/sample/csv.hpp"
#include "layers/errors.hpp"
#include "layers/register/register_store.hpp"

namespace fs = std::filesystem;

namespace onregel {

namespace {

environment_error gdal_failure(const std::string& what) {
    return environment_error(what + ": " + CPLGetLastErrorMsg());
}

// A CSV file written in large blocks; rows are formatted into `buffer` and flushed per chunk.
class CsvFile {
public:
    CsvFile(const fs::path& path, std::string_view header) : path_(path) {
        file_ = std::fopen(path.c_str(), "wb");
        if (!file_) throw environment_error(path.string() + ": cannot create file");
        buffer = header;
    }
    ~CsvFile() {
        if (file_) std::fclose(file_);
    }
    CsvFile(const CsvFile&) = delete;
    CsvFile& operator=(const CsvFile&) = delete;

    void flush() {
        if (std::fwrite(buffer.data(), 1, buffer.size(), file_) != buffer.size())
            throw environment_error(path_.string() + ": write failed");
        buffer.clear();
    }
    void close() {
        flush();
        const int rc = std::fclose(file_);
        file_ = nullptr;
        if (rc != 0) throw environment_error(path_.string() + ": write failed");
    }
    std::string buffer;

private:
    fs::path path_;
    std::FILE* file_ = nullptr;
};

template <class Row>
void write_rows(CsvFile& file, const std::vector<Row>& rows) {
    for (const auto& row : rows) sample::append_row(file.buffer, row);
    file.flush();
}

struct Field {
    const char* name;
    OGRFieldType type;
};

// PDOK bag-light column names.
constexpr Field vbo_fields[] = {
    {"identificatie", OFTString},
    {"status", OFTString},
    {"gebruiksdoel", OFTString},
    {"oppervlakte", OFTInteger},
    {"openbare_ruimte_naam", OFTString},
    {"huisnummer", OFTInteger},
    {"huisletter", OFTString},
    {"toevoeging", OFTString},
    {"postcode", OFTString},
    {"woonplaats_naam", OFTString},
    {"bouwjaar", OFTInteger},
    {"pand_identificatie", OFTString},
    {"pandstatus", OFTString},
    {"nummeraanduiding_hoofdadres_identificatie", OFTString},
    {"bronhouder_identificatie", OFTString},
};
constexpr Field pand_fields[] = {
    {"identificatie", OFTString},       {"bouwjaar", OFTInteger},        {"status", OFTString},
    {"gebruiksdoel", OFTString},        {"oppervlakte_min", OFTInteger}, {"oppervlakte_max", OFTInteger},
    {"aantal_verblijfsobjecten", OFTInteger},
};

OGRLayer* create_layer(GDALDataset& ds, const char* name, OGRSpatialReference& srs, OGRwkbGeometryType type,
                       std::span<const Field> fields) {
    OGRLayer* layer = ds.CreateLayer(name, &srs, type, nullptr);
    if (!layer) throw gdal_failure(std::string("bag.gpkg: cannot create layer ") + name);
    for (const auto& f : fields) {
        OGRFieldDefn defn(f.name, f.type);
        if (layer->CreateField(&defn) != OGRERR_NONE) throw gdal_failure(std::string("bag.gpkg: cannot add field ") + f.name);
    }
    return layer;
}

void set_text(OGRFeature& feature, int field, std::string_view value) {
    if (value.empty()) feature.SetFieldNull(field);  // PDOK leaves absent huisletters NULL
    else feature.SetField(field, std::string(value).c_str());
}

}  // namespace

struct SampleWriter::Impl {
    fs::path dir;
    GDALDatasetUniquePtr gpkg;
    OGRLayer* vbo_layer = nullptr;
    OGRLayer* pand_layer = nullptr;
    OGRSpatialReference srs;
    CsvFile kvk, meldingen, vergunningen, erkenningen;
    std::vector<sample::GroundTruthRow> ground_truth;

    explicit Impl(const fs::path& d)
        : dir(d),
          kvk(d / "kvk_vestigingen.csv", sample::kvk_header()),
          meldingen(d / "meldingen.csv", sample::meldingen_header()),
          vergunningen(d / "vergunningen.csv", sample::vergunningen_header()),
          erkenningen(d / "erkenningen.csv", sample::erkenningen_header()) {}

    void write_bag(const sample::Chunk& chunk) {
        if (gpkg->StartTransaction() != OGRERR_NONE) throw gdal_failure("bag.gpkg: cannot start a transaction");
        OGRFeature vf(vbo_layer->GetLayerDefn());
        for (const auto& v : chunk.verblijfsobjecten) {
            const auto id = bag_id_text(v.id);
            vf.SetFID(OGRNullFID);
            set_text(vf, 0, id);
            vf.SetField(1, std::string(vbo_status_name(v.status)).c_str());
            set_text(vf, 2, format_gebruiksdoelen(v.gebruiksdoelen));
            vf.SetField(3, v.oppervlakte);
            set_text(vf, 4, v.adres.straat);
            vf.SetField(5, v.adres.huisnummer);
            set_text(vf, 6, v.adres.huisletter);
            set_text(vf, 7, v.adres.toevoeging);
            set_text(vf, 8, v.adres.postcode);
            set_text(vf, 9, v.adres.woonplaats);
            vf.SetField(10, v.bouwjaar);
            const auto& pand = chunk.panden[static_cast<std::size_t>(v.pand)];
            set_text(vf, 11, bag_id_text(pand.id));
            set_text(vf, 12, pand.status);
            // The hoofdadres shares the object's number, with type 20 (nummeraanduiding) for 01.
            set_text(vf, 13, id.substr(0, 4) + "20" + id.substr(6));
            set_text(vf, 14, id.substr(0, 4));
            OGRPoint point(v.punt.x, v.punt.y);
            vf.SetGeometry(&point);
            if (vbo_layer->CreateFeature(&vf) != OGRERR_NONE) throw gdal_failure("bag.gpkg: cannot write " + id);
        }
        if (pand_layer) write_panden(chunk);
        if (gpkg->CommitTransaction() != OGRERR_NONE) throw gdal_failure("bag.gpkg: cannot commit");
    }

    void write_panden(const sample::Chunk& chunk) {
        struct Stats {
            GebruiksdoelSet doel = 0;
            int min = 0, max = 0, count = 0;
        };
        std::vector<Stats> stats(chunk.panden.size());
        for (const auto& v : chunk.verblijfsobjecten) {
            auto& s = stats[static_cast<std::size_t>(v.pand)];
            s.doel |= v.gebruiksdoelen;
            s.min = s.count == 0 ? v.oppervlakte : std::min(s.min, v.oppervlakte);
            s.max = std::max(s.max, v.oppervlakte);
            ++s.count;
        }
        OGRFeature pf(pand_layer->GetLayerDefn());
        for (std::size_t i = 0; i < chunk.panden.size(); ++i) {
            const auto& p = chunk.panden[i];
            const auto& s = stats[i];
            pf.SetFID(OGRNullFID);
            set_text(pf, 0, bag_id_text(p.id));
            pf.SetField(1, p.bouwjaar);
            set_text(pf, 2, p.status);
            set_text(pf, 3, format_gebruiksdoelen(s.doel));
            pf.SetField(4, s.min);
            pf.SetField(5, s.max);
            pf.SetField(6, s.count);
            OGRLinearRing ring;
            for (const auto& pt : p.omtrek) ring.addPoint(pt.x, pt.y);
            OGRPolygon polygon;
            polygon.addRing(&ring);
            pf.SetGeometry(&polygon);
            if (pand_layer->CreateFeature(&pf) != OGRERR_NONE) throw gdal_failure("bag.gpkg: cannot write " + bag_id_text(p.id));
        }
    }
};

SampleWriter::SampleWriter(const fs::path& dir, bool with_panden) {
    fs::create_directories(dir);
    const auto gpkg_path = dir / "bag.gpkg";
    fs::remove(gpkg_path);
    fs::remove(dir / "register.gpkg");
    impl_ = std::make_unique<Impl>(dir);
    GDALAllRegister();
    auto* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!driver) throw environment_error("GDAL has no GPKG driver");
    impl_->gpkg.reset(driver->Create(gpkg_path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!impl_->gpkg) throw gdal_failure(gpkg_path.string() + ": cannot create");
    impl_->srs.importFromEPSG(28992);
    impl_->srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    impl_->vbo_layer = create_layer(*impl_->gpkg, "verblijfsobject", impl_->srs, wkbPoint, vbo_fields);
    if (with_panden) impl_->pand_layer = create_layer(*impl_->gpkg, "pand", impl_->srs, wkbPolygon, pand_fields);
}

SampleWriter::~SampleWriter() = default;

void SampleWriter::write(const sample::Chunk& chunk) {
    impl_->write_bag(chunk);
    write_rows(impl_->kvk, chunk.vestigingen);
    write_rows(impl_->meldingen, chunk.meldingen);
    write_rows(impl_->vergunningen, chunk.vergunningen);
    write_rows(impl_->erkenningen, chunk.erkenningen);
    impl_->ground_truth.insert(impl_->ground_truth.end(), chunk.ground_truth.begin(), chunk.ground_truth.end());
}

void SampleWriter::write_history(const Register& history) { write_register((impl_->dir / "register.gpkg").string(), history); }

void SampleWriter::finish() {
    auto& truth = impl_->ground_truth;
    std::sort(truth.begin(), truth.end());
    truth.erase(std::unique(truth.begin(), truth.end()), truth.end());
    CsvFile file(impl_->dir / "ground_truth.csv", sample::ground_truth_header());
    write_rows(file, truth);
    file.close();
    for (auto* f : {&impl_->kvk, &impl_->meldingen, &impl_->vergunningen, &impl_->erkenningen}) f->close();
    // Closing the GeoPackage builds its spatial indexes; GDAL 3.6 reports a failure only as an error.
    CPLErrorReset();
    impl_->gpkg.reset();
    if (CPLGetLastErrorType() >= CE_Failure) throw gdal_failure("bag.gpkg: cannot close");
}

std::vector<LayerSummary> summarise_layers(const fs::path& path) {
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR));
    if (!ds) throw input_error(path.string() + ": cannot open: " + CPLGetLastErrorMsg());
    std::vector<LayerSummary> out;
    for (auto* layer : ds->GetLayers()) {
        LayerSummary s;
        s.name = layer->GetName();
        s.geometry = OGRGeometryTypeToName(wkbFlatten(layer->GetGeomType()));
        s.features = layer->GetFeatureCount(TRUE);
        const auto* defn = layer->GetLayerDefn();
        for (int i = 0; i < defn->GetFieldCount(); ++i) s.fields.push_back(defn->GetFieldDefn(i)->GetNameRef());
        if (const auto* srs = layer->GetSpatialRef(); srs && srs->GetAuthorityCode(nullptr))
            s.epsg = srs->GetAuthorityCode(nullptr);
        OGREnvelope e;
        if (layer->GetExtent(&e, TRUE) == OGRERR_NONE) {
            s.min_x = e.MinX;
            s.min_y = e.MinY;
            s.max_x = e.MaxX;
            s.max_y = e.MaxY;
        }
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace onregel
