#pragma once
// What the register says about the addresses of a run (run --register): which ones rest (visited in
// the last rust_maanden, nothing found, and no signal since that was not there at the visit), which
// ones have a hercontrole due, and each address's history in one line for the list and the looplijst.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/analysis/scoring.hpp"
#include "engine/model.hpp"
#include "register.hpp"
#include "register_config.hpp"

namespace onregel {

struct RegisterStand {
    std::vector<std::uint8_t> rust;           // per verblijfsobject: 1 = not proposed this time
    std::vector<std::uint32_t> hercontroles;  // verblijfsobjecten with a hercontrole due, by due date, then BAG id
    std::vector<std::string> historie;        // per verblijfsobject, "" when the register knows nothing of it
    std::size_t buiten_bag = 0;               // controles and interventies at a bag_id this BAG does not hold
};

// On town.peildatum. A controle without known signals (an uitkomsten CSV, a tip) rests the address
// whatever flags it now: it was looked at as it was.
RegisterStand register_stand(const Town& town, const std::vector<Beoordeling>& ranked, const Register& reg,
                             const RegisterBeleid& beleid);

// "gecontroleerd 12-03-2026: KvK-inschrijving onjuist; last onder dwangsom, opgevolgd": the address's
// controles newest first, each with the interventies that started from its date on.
std::string historie_tekst(const std::vector<const RegisterControle*>& controles, const std::vector<const Interventie*>& interventies,
                           const RegisterBeleid& beleid);

}  // namespace onregel
