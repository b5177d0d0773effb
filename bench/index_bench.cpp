// Build and query times and heap use of GridIndex and AddressIndex on a generated national test set
// (issue #7), with the query patterns of the readers and the signals. Run by hand; no test runs it.
//
//   onregel_index_bench DIR [--copies K] [--repeat R]
//
// DIR holds bag.gpkg, kvk_vestigingen.csv and meldingen.csv from `onregel sample --scale N`. With
// --copies K the objects, KvK rows and meldingen are repeated K times, each copy with other BAG ids and
// postcodes and shifted by up to 3 km, so that the towns grow denser as they would at K times the scale.
// Each build and query set runs R times (default 3); the best time is printed. The result counts
// (matches per route, points found) make runs of two versions comparable.
#include <gdal_priv.h>
#include <malloc.h>
#include <ogrsf_frmts.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <new>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "engine/grid_index.hpp"
#include "engine/match/address.hpp"
#include "layers/read/address_index.hpp"
#include "layers/read/readers.hpp"

namespace {

// Heap bytes in use through operator new, and the peak since the last reset.
std::atomic<std::size_t> heap_now{0}, heap_peak{0};

}  // namespace

void* operator new(std::size_t size) {
    void* p = std::malloc(size == 0 ? 1 : size);
    if (!p) throw std::bad_alloc();
    const auto now = heap_now.fetch_add(malloc_usable_size(p), std::memory_order_relaxed) + malloc_usable_size(p);
    auto peak = heap_peak.load(std::memory_order_relaxed);
    while (now > peak && !heap_peak.compare_exchange_weak(peak, now, std::memory_order_relaxed)) {
    }
    return p;
}
void* operator new[](std::size_t size) { return operator new(size); }
void operator delete(void* p) noexcept {
    if (!p) return;
    heap_now.fetch_sub(malloc_usable_size(p), std::memory_order_relaxed);
    std::free(p);
}
void operator delete[](void* p) noexcept { operator delete(p); }
void operator delete(void* p, std::size_t) noexcept { operator delete(p); }
void operator delete[](void* p, std::size_t) noexcept { operator delete(p); }

namespace onregel {
namespace {

struct Row {
    std::string bag_id;
    std::optional<WrittenAddress> adres;
    std::optional<Point> punt;
};

struct Data {
    std::vector<Verblijfsobject> vbos;
    std::vector<Row> kvk, meldingen;
};

// Copy k of a 16-digit BAG id or a normalised postcode: the leading four digits moved up by 800 k.
std::string shifted(const std::string& text, int k) {
    if (k == 0 || text.size() < 4) return text;
    const int head = std::stoi(text.substr(0, 4)) + 800 * k;
    if (head > 9999) {
        std::fprintf(stderr, "--copies too large for the ids and postcodes of this data set\n");
        std::exit(2);
    }
    return std::to_string(head) + text.substr(4);
}

Point moved(Point p, int k) {
    return {p.x + ((k * 7919) % 61 - 30) * 100.0, p.y + ((k * 104729) % 61 - 30) * 100.0};
}

std::vector<Row> read_rows(const std::string& path, const char* bag_id_column) {
    std::unique_ptr<GDALDataset> dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!dataset) throw std::runtime_error("cannot open " + path);
    OGRLayer& layer = *dataset->GetLayer(0);
    const auto* definition = layer.GetLayerDefn();
    auto column = [&](const char* name) { return name ? definition->GetFieldIndex(name) : -1; };
    const int c_id = column(bag_id_column), c_postcode = column("postcode"), c_nummer = column("huisnummer"),
              c_letter = column("huisletter"), c_x = column("x"), c_y = column("y");
    const int c_toevoeging = std::max(column("toevoeging"), column("huisnummerToevoeging"));
    auto text = [](OGRFeature& f, int c) { return c >= 0 ? std::string(f.GetFieldAsString(c)) : std::string(); };
    std::vector<Row> rows;
    for (std::unique_ptr<OGRFeature> f{layer.GetNextFeature()}; f; f.reset(layer.GetNextFeature())) {
        Row row;
        row.bag_id = text(*f, c_id);
        try {
            row.adres = parse_address(text(*f, c_postcode), text(*f, c_nummer), text(*f, c_letter), text(*f, c_toevoeging));
        } catch (const RowError&) {
            // The reader rejects the row; it asks the index nothing.
            continue;
        }
        if (!text(*f, c_x).empty()) row.punt = Point{std::stod(text(*f, c_x)), std::stod(text(*f, c_y))};
        rows.push_back(std::move(row));
    }
    return rows;
}

Data load(const std::string& dir, int copies) {
    Data data;
    Town town;
    std::vector<NevenAdres> neven;
    Rejects rejects;
    LayerStats stats;
    read_bag(dir + "/bag.gpkg", ReadOptions{}, town, neven, rejects, stats);
    town.panden = {};
    const auto kvk = read_rows(dir + "/kvk_vestigingen.csv", "addresseerbaarObjectId");
    const auto meldingen = read_rows(dir + "/meldingen.csv", nullptr);
    for (int k = 0; k < copies; ++k) {
        for (const auto& v : town.verblijfsobjecten) {
            Verblijfsobject c;  // what the indexes read: id, address, location
            c.id = *bag_id_number(shifted(bag_id_text(v.id), k));
            c.punt = moved(v.punt, k);
            c.adres.postcode = shifted(v.adres.postcode, k);
            c.adres.huisnummer = v.adres.huisnummer;
            c.adres.huisletter = v.adres.huisletter;
            c.adres.toevoeging = v.adres.toevoeging;
            data.vbos.push_back(std::move(c));
        }
        auto copy = [k](const Row& row) {
            Row c = row;
            c.bag_id = shifted(row.bag_id, k);
            if (c.adres) c.adres->postcode = shifted(row.adres->postcode, k);
            if (c.punt) c.punt = moved(*row.punt, k);
            return c;
        };
        for (const auto& row : kvk) data.kvk.push_back(copy(row));
        for (const auto& row : meldingen) data.meldingen.push_back(copy(row));
    }
    return data;
}

double cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// Runs `work` `repeat` times, each after `reset` (untimed); prints the best wall and CPU time (the
// steadier one on a shared machine), the heap the last run left in use and the peak above what was in
// use before it.
void measure(const char* what, int repeat, const std::function<std::string()>& work,
             const std::function<void()>& reset = [] {}) {
    double best = 1e300, best_cpu = 1e300;
    std::size_t kept = 0, peak = 0;
    std::string result;
    std::vector<double> times;
    for (int r = 0; r < repeat; ++r) {
        reset();
        const auto before = heap_now.load();
        heap_peak.store(before);
        const auto start = std::chrono::steady_clock::now();
        const double start_cpu = cpu_seconds();
        result = work();
        best_cpu = std::min(best_cpu, cpu_seconds() - start_cpu);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        times.push_back(seconds);
        best = std::min(best, seconds);
        kept = heap_now.load() - std::min(before, heap_now.load());
        peak = heap_peak.load() - before;
    }
    std::printf("%-34s cpu %7.3f s  wall %7.3f s (", what, best_cpu, best);
    for (double t : times) std::printf(" %.3f", t);
    std::printf(" )  heap kept %7.1f MB  peak %7.1f MB  %s\n", static_cast<double>(kept) / 1e6,
                static_cast<double>(peak) / 1e6, result.c_str());
    std::fflush(stdout);
}

int run(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: onregel_index_bench DIR [--copies K] [--repeat R]\n");
        return 2;
    }
    int copies = 1, repeat = 3;
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--copies") copies = std::stoi(argv[i + 1]);
        else if (flag == "--repeat") repeat = std::stoi(argv[i + 1]);
    }
    GDALAllRegister();
    const Data data = load(argv[1], copies);
    std::printf("objects %zu, kvk rows %zu, meldingen %zu\n", data.vbos.size(), data.kvk.size(), data.meldingen.size());
    const std::vector<NevenAdres> geen_nevenadressen;

    // The address index: built once per run, asked once per KvK row and melding in the order of locate().
    std::unique_ptr<AddressIndex> index;
    measure(
        "AddressIndex build", repeat,
        [&] {
            index = std::make_unique<AddressIndex>(data.vbos, geen_nevenadressen);
            return std::string();
        },
        [&] { index.reset(); });
    std::vector<Point> melding_points;
    auto ask = [&](const std::vector<Row>& rows, bool keep_points) {
        std::map<std::string, std::size_t> routes;
        for (const auto& row : rows) {
            std::optional<Match> m;
            if (!row.bag_id.empty())
                if (auto i = index->by_id(row.bag_id)) m = Match{*i, MatchRoute::bag_id};
            if (!m && row.adres) m = index->by_address(row.adres->postcode, row.adres->nummer);
            if (!m && row.punt)
                if (auto i = index->nearest(*row.punt, 10)) m = Match{*i, MatchRoute::coordinaat};
            ++routes[m ? std::string(match_route_name(m->route)) : "none"];
            if (keep_points && (row.punt || m)) melding_points.push_back(row.punt ? *row.punt : index->point_of(m->vbo));
        }
        std::string out;
        for (const auto& [route, n] : routes) out += route + "=" + std::to_string(n) + " ";
        return out;
    };
    measure("AddressIndex queries: kvk", repeat, [&] { return ask(data.kvk, false); });
    // The generated KvK rows come object by object, in BAG order; a real register's rows come in the
    // order of their KvK numbers, which says nothing about the BAG.
    auto shuffled = data.kvk;
    std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937_64(1));
    measure("AddressIndex queries: kvk shuffled", repeat, [&] { return ask(shuffled, false); });
    measure("AddressIndex queries: meldingen", repeat, [&] {
        melding_points.clear();
        return ask(data.meldingen, true);
    });
    index.reset();

    // The grids of a run: the objects and the meldingen at 50 m, asked with the radii of the signals.
    const auto vbo_points = points_of(data.vbos);
    std::unique_ptr<GridIndex> vbo_index, melding_index, cluster_index;
    const auto build = [&](const char* what, std::unique_ptr<GridIndex>& grid, const std::vector<Point>& points) {
        measure(
            what, repeat,
            [&] {
                grid = std::make_unique<GridIndex>(points, 50);
                return std::string();
            },
            [&] { grid.reset(); });
    };
    build("GridIndex build: objects, 50 m", vbo_index, vbo_points);
    build("GridIndex build: meldingen, 50 m", melding_index, melding_points);
    std::vector<std::uint32_t> near;
    // meldingen and boxencomplex: the meldingen within 25 m of every object.
    measure("GridIndex queries: meldingen 25 m", repeat, [&] {
        std::size_t found = 0;
        for (const auto& p : vbo_points) {
            melding_index->within(p, 25, near);
            found += near.size();
        }
        return "found=" + std::to_string(found);
    });
    // proposal and the sample builder: the objects around an object.
    measure("GridIndex queries: objects 50 m", repeat, [&] {
        std::size_t found = 0;
        for (std::size_t i = 0; i < vbo_points.size(); i += 10) {
            vbo_index->within(vbo_points[i], 50, near);
            found += near.size();
        }
        return "found=" + std::to_string(found);
    });
    // risicobranche_cluster: DBSCAN over a tenth of the objects, eps 75 m, the grid at eps.
    std::vector<Point> subset;
    for (std::size_t i = 0; i < vbo_points.size(); i += 10) subset.push_back(vbo_points[i]);
    measure(
        "GridIndex dbscan: build + 75 m", repeat,
        [&] {
            cluster_index = std::make_unique<GridIndex>(subset, 75);
            std::size_t found = 0;
            for (const auto& p : subset) {
                cluster_index->within(p, 75, near);
                found += near.size();
            }
            return "found=" + std::to_string(found);
        },
        [&] { cluster_index.reset(); });
    return 0;
}

}  // namespace
}  // namespace onregel

int main(int argc, char** argv) {
    try {
        return onregel::run(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "onregel_index_bench: %s\n", e.what());
        return 1;
    }
}
