#pragma once
// What a store holds after taking rows in, for the register tests' expected values: every row of
// `nieuw` in `register_`, replacing the row with its key; each table sorted by key, as read_register
// returns them.
#include <map>
#include <string>
#include <vector>

#include "engine/register/register.hpp"

namespace onregel::test {

template <class Row>
void merge(std::vector<Row>& into, const std::vector<Row>& rows) {
    std::map<std::string, Row> by_key;
    for (auto& row : into) by_key.insert_or_assign(sleutel(row), std::move(row));
    for (const auto& row : rows) by_key.insert_or_assign(sleutel(row), row);
    into.clear();
    for (auto& [key, row] : by_key) into.push_back(std::move(row));
}

inline void neem_op(Register& register_, const Register& nieuw) {
    merge(register_.runs, nieuw.runs);
    merge(register_.run_signalen, nieuw.run_signalen);
    merge(register_.controles, nieuw.controles);
    merge(register_.interventies, nieuw.interventies);
    merge(register_.meldingen, nieuw.meldingen);
}

}  // namespace onregel::test
