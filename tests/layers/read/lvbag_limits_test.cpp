// Hostile LV BAG zips, written by hand at test time (small on disk): a zip that promises far more
// than it is, or holds hundreds of thousands of entries, is refused before anything is unpacked.
#include <chrono>
#include <gtest/gtest.h>
#include <iostream>
#include <zlib.h>

#include "engine/errors.hpp"
#include "layers/read/inputs.hpp"
#include "layers/layers_test_util.hpp"

namespace onregel {
namespace {

namespace fs = std::filesystem;

struct Entry {
    std::string name;
    std::string data;
    bool deflate = true;
};

void put(std::string& out, std::uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) out += static_cast<char>(value >> (8 * i) & 0xFF);
}

std::string raw_deflate(const std::string& data) {
    z_stream z{};
    deflateInit2(&z, 9, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);  // raw deflate, as zip wants it
    std::string out(deflateBound(&z, data.size()), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

// A zip archive of `entries`; with zip64 every size and offset goes through the zip64 fields.
std::string zip(const std::vector<Entry>& entries, bool zip64 = false) {
    constexpr std::uint64_t full = 0xFFFFFFFF;
    std::string body, directory;
    for (const auto& e : entries) {
        const auto packed = e.deflate ? raw_deflate(e.data) : e.data;
        const auto crc = crc32(0, reinterpret_cast<const Bytef*>(e.data.data()), static_cast<uInt>(e.data.size()));
        std::string local_extra, central_extra;
        if (zip64) {
            put(local_extra, 1, 2), put(local_extra, 16, 2), put(local_extra, e.data.size(), 8), put(local_extra, packed.size(), 8);
            put(central_extra, 1, 2), put(central_extra, 24, 2), put(central_extra, e.data.size(), 8);
            put(central_extra, packed.size(), 8), put(central_extra, body.size(), 8);
        }
        const auto header = [&](std::string& out, bool central) {
            put(out, central ? 0x02014b50 : 0x04034b50, 4);
            if (central) put(out, 45, 2);                 // made by
            put(out, zip64 ? 45 : 20, 2);                 // needed
            put(out, 0, 2), put(out, e.deflate ? 8 : 0, 2), put(out, 0, 2), put(out, 0x21, 2);  // flags, method, time, date
            put(out, crc, 4), put(out, zip64 ? full : packed.size(), 4), put(out, zip64 ? full : e.data.size(), 4);
            put(out, e.name.size(), 2), put(out, (central ? central_extra : local_extra).size(), 2);
            if (central) put(out, 0, 2), put(out, 0, 2), put(out, 0, 2), put(out, 0, 4), put(out, zip64 ? full : body.size(), 4);
            out += e.name + (central ? central_extra : local_extra);
        };
        header(directory, true);
        header(body, false);
        body += packed;
    }
    std::string out = body + directory;
    if (zip64) {
        const auto record = out.size();
        put(out, 0x06064b50, 4), put(out, 44, 8), put(out, 45, 2), put(out, 45, 2), put(out, 0, 4), put(out, 0, 4);
        put(out, entries.size(), 8), put(out, entries.size(), 8), put(out, directory.size(), 8), put(out, body.size(), 8);
        put(out, 0x07064b50, 4), put(out, 0, 4), put(out, record, 8), put(out, 1, 4);
    }
    put(out, 0x06054b50, 4), put(out, 0, 2), put(out, 0, 2);
    put(out, zip64 ? 0xFFFF : entries.size(), 2), put(out, zip64 ? 0xFFFF : entries.size(), 2);
    put(out, zip64 ? full : directory.size(), 4), put(out, zip64 ? full : body.size(), 4), put(out, 0, 2);
    return out;
}

std::string doesburg_xml(const std::string& name) { return test::command_output("cat " + test::quoted(test::doesburg("xml/" + name))); }

// Doesburg as Kadaster delivers it: a Leveringsdocument and one inner zip per object type.
std::vector<Entry> doesburg_delivery(bool zip64 = false) {
    std::vector<Entry> outer = {{"Leveringsdocument-BAG-Extract.xml", doesburg_xml("Leveringsdocument-BAG-Extract.xml")}};
    for (const char* type : {"VBO", "LIG", "STA", "PND", "NUM", "OPR", "WPL"}) {
        const auto xml = std::string("0221") + type + "15092020-000001.xml";
        outer.push_back({std::string("9999") + type + "15092020.zip", zip({{xml, doesburg_xml(xml)}}, zip64), false});
    }
    return outer;
}

std::string kvk() {
    return test::write_file(test::scratch_dir("lvbag_limits_kvk") / "kvk.csv",
                            "vestigingsnummer;sbiHoofdactiviteit;postcode;huisnummer;huisletter;datumAanvang\n"
                            "000000000001;6201;6981CH;4;;20200101\n");
}

// The message of the input_error reading `archive` throws; "" when it reads.
std::string refusal(const std::string& name, const std::string& archive) {
    const auto path = test::write_file(test::scratch_dir("lvbag_limits") / name, archive);
    try {
        read_inputs(test::inputs_of(path, kvk()), {});
    } catch (const input_error& e) {
        return e.what();
    }
    return "";
}

TEST(LvBagLimits, AHandWrittenDeliveryReadsInBothZipFormats) {
    for (const bool zip64 : {false, true}) {
        const auto path = test::write_file(test::scratch_dir("lvbag_limits") / "levering.zip", zip(doesburg_delivery(zip64), zip64));
        const auto in = read_inputs(test::inputs_of(path, kvk()), {});
        EXPECT_EQ(in.layers.at("bag").used, 6u) << "zip64 " << zip64;
    }
}

TEST(LvBagLimits, AnOversizedLeveringsdocumentIsRefused) {
    auto delivery = doesburg_delivery();
    // Under the ratio limit but far larger than any real one, which is parsed whole in memory.
    std::string document = delivery[0].data;
    for (std::uint32_t state = 1; document.size() < (3u << 20);) {
        state = state * 1103515245u + 12345u;
        document += "<!-- " + std::to_string(state) + " -->\n";
    }
    delivery[0] = {"Leveringsdocument-BAG-Extract.xml", document};
    const auto message = refusal("groot_leveringsdocument.zip", zip(delivery));
    EXPECT_NE(message.find("Leveringsdocument van "), std::string::npos) << message;
    EXPECT_NE(message.find("meer dan de 1048576 die onregel leest"), std::string::npos) << message;
}

TEST(LvBagLimits, AZipBombIsRefusedBeforeItIsUnpacked) {
    // 64 MiB of spaces pack into about 64 KiB: as the Leveringsdocument, and as an XML file in an inner zip.
    const std::string spaces(64u << 20, ' ');
    auto delivery = doesburg_delivery();
    delivery[0] = {"Leveringsdocument-BAG-Extract.xml", "<?xml version=\"1.0\"?><a>" + spaces + "</a>"};
    const auto outer = refusal("bom_leveringsdocument.zip", zip(delivery));
    EXPECT_NE(outer.find("Leveringsdocument-BAG-Extract.xml: pakt uit tot " + std::to_string(delivery[0].data.size()) + " bytes uit "),
              std::string::npos) << outer;
    EXPECT_NE(outer.find("meer dan 300 keer zo groot"), std::string::npos) << outer;

    delivery = doesburg_delivery();
    delivery[1] = {"9999VBO15092020.zip", zip({{"0221VBO15092020-000002.xml", spaces}}), false};
    const auto inner = refusal("bom_vbo.zip", zip(delivery));
    EXPECT_NE(inner.find("9999VBO15092020.zip/0221VBO15092020-000002.xml: pakt uit tot 67108864 bytes"), std::string::npos) << inner;
}

TEST(LvBagLimits, HundredsOfThousandsOfEntriesAreRefusedAtOnce) {
    auto delivery = doesburg_delivery();
    for (int i = 0; i < 100'000; ++i) delivery.push_back({"leeg/" + std::to_string(i), "", false});
    const auto archive = zip(delivery, true);  // more entries than the plain end record counts
    const auto start = std::chrono::steady_clock::now();
    const auto outer = refusal("veel.zip", archive);
    const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
    std::cout << "a zip of 100,000 entries refused in " << took.count() << " ms\n";  // 30 s of listing before
    EXPECT_NE(outer.find("te veel bestanden in het zip-archief (100008, hoogstens 50000)"), std::string::npos) << outer;

    // Spread over inner zips, they count together.
    delivery = doesburg_delivery();
    for (int i = 1; i <= 4; ++i) {
        std::vector<Entry> inner;
        for (int j = 0; j < 15'000; ++j) inner.push_back({"leeg/" + std::to_string(j), "", false});
        delivery.push_back({"9999VBO15092020-" + std::to_string(i) + ".zip", zip(inner), false});
    }
    const auto spread = refusal("veel_binnen.zip", zip(delivery));
    EXPECT_NE(spread.find("te veel bestanden in het zip-archief (15000, hoogstens "), std::string::npos) << spread;
}

}  // namespace
}  // namespace onregel
