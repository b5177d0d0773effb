#pragma once
// The documentation of every table onregel writes, from the same column declarations the writers
// use: `onregel outputs` prints it and docs/outputs.md is its Markdown (a test compares the two), so
// the documented columns cannot drift from the written ones.
#include <string>
#include <vector>

#include "layers/table/feature_table.hpp"

namespace onregel {

struct OutputDoc {
    std::string command;  // the command line that writes it
    std::string table;    // the layer name
    std::string files;    // where it is written (Markdown)
    std::string about;    // one sentence (Markdown)
    GeometryType geometry = GeometryType::point;
    std::vector<Column> columns;  // every column a run can write, in order; the description says when one is left out
};

// In the order of docs/outputs.md.
std::vector<OutputDoc> output_docs();

std::string outputs_markdown();  // docs/outputs.md
std::string outputs_text();      // the same for a terminal

}  // namespace onregel
